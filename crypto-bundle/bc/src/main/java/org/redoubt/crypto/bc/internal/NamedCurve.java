package org.redoubt.crypto.bc.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Curve;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Curve;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;
import org.redoubt.crypto.api.CryptoException;

/**
 * Keys on one named prime curve, encoded as OpenSSL 3 does: SubjectPublicKeyInfo and PKCS#8 with
 * algorithm id-ecPublicKey and the curve's OID as named-curve parameters, uncompressed points.
 * The private scalar travels as 32 big-endian bytes.
 */
final class NamedCurve {

    private final String name;
    private final ECNamedDomainParameters domain;
    private final int scalarLength;
    private final byte[] uncompressedPrefix;

    /**
     * @param name      the curve's name, for messages
     * @param oid       the curve's OID
     * @param curve     Bouncy Castle's optimized implementation of the curve (order and cofactor included)
     * @param generator the base point, uncompressed, in hex
     * @param uncompressedPrefix the DER of a SubjectPublicKeyInfo of this curve up to an
     *                  uncompressed point, in hex: SEQUENCE { SEQUENCE { id-ecPublicKey, curve },
     *                  BIT STRING with 0 unused bits }
     */
    private NamedCurve(String name, ASN1ObjectIdentifier oid, ECCurve curve, String generator,
            String uncompressedPrefix) {
        this.name = name;
        this.domain = new ECNamedDomainParameters(oid, curve, curve.decodePoint(Hex.decode(generator)),
                curve.getOrder(), curve.getCofactor(), null);
        this.scalarLength = BigIntegers.getUnsignedByteLength(domain.getN());
        this.uncompressedPrefix = Hex.decode(uncompressedPrefix);
    }

    // The curves are built from their own classes rather than looked up by OID: the lookup tables
    // set up every curve Bouncy Castle knows (~30 ms at boot) when the launcher needs one or two.

    /** @return NIST P-256 (FIPS 186-4 D.1.2.3) */
    static NamedCurve p256() {
        return new NamedCurve("P-256", SECObjectIdentifiers.secp256r1, new SecP256R1Curve(), "04"
                + "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
                + "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5",
                "3059301306072a8648ce3d020106082a8648ce3d030107034200");
    }

    /** @return the SM2 curve (GB/T 32918.5-2017) */
    static NamedCurve sm2() {
        return new NamedCurve("sm2p256v1", GMObjectIdentifiers.sm2p256v1, new SM2P256V1Curve(), "04"
                + "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"
                + "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0",
                "3059301306072a8648ce3d020106082a811ccf5501822d034200");
    }

    /** @return the DER of a SubjectPublicKeyInfo of this curve up to an uncompressed point */
    byte[] uncompressedPrefix() {
        return uncompressedPrefix.clone();
    }

    /** @return the domain parameters */
    ECNamedDomainParameters domain() {
        return domain;
    }

    /**
     * @param subjectPublicKeyInfo DER public key
     * @return the public key: on this curve, named by OID, a valid point
     * @throws CryptoException {@code INVALID_KEY} otherwise
     */
    ECPublicKeyParameters publicKey(byte[] subjectPublicKeyInfo) throws CryptoException {
        byte[] point = KeyEncodings.fixedPrefixKey(subjectPublicKeyInfo, uncompressedPrefix, 1 + 2 * scalarLength);
        if (point != null) {
            try {
                // decodePoint rejects points off the curve; ECPublicKeyParameters rejects the point
                // at infinity and points of the wrong order.
                return new ECPublicKeyParameters(domain.getCurve().decodePoint(point), domain);
            } catch (RuntimeException e) {
                throw KeyEncodings.invalid("not a valid " + name + " public key", e);
            }
        }
        // Another encoding (a compressed point) or not a key of this curve: parse the structure.
        SubjectPublicKeyInfo info = KeyEncodings.subjectPublicKeyInfo(subjectPublicKeyInfo);
        checkAlgorithm(info.getAlgorithm().getAlgorithm(), info.getAlgorithm().getParameters());
        try {
            if (info.getPublicKeyData().getPadBits() != 0) {
                throw KeyEncodings.invalid("not a valid " + name + " public key (bit string with pad bits)", null);
            }
            // decodePoint rejects encodings of the wrong length and points off the curve;
            // ECPublicKeyParameters rejects the point at infinity and points of the wrong order.
            ECPoint q = domain.getCurve().decodePoint(info.getPublicKeyData().getOctets());
            return new ECPublicKeyParameters(q, domain);
        } catch (RuntimeException e) {
            throw KeyEncodings.invalid("not a valid " + name + " public key", e);
        }
    }

    /**
     * @param pkcs8 DER PKCS#8
     * @return the key pair; its secret is the scalar
     * @throws CryptoException {@code INVALID_KEY} unless it is a private key on this curve whose
     *                         embedded public key, when present, matches
     */
    KeyMaterial importPrivateKey(byte[] pkcs8) throws CryptoException {
        PrivateKeyInfo info = KeyEncodings.privateKeyInfo(pkcs8);
        checkAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm(), info.getPrivateKeyAlgorithm().getParameters());
        ECPrivateKey structure;
        try {
            structure = ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | RuntimeException e) {
            throw KeyEncodings.invalid("not a valid " + name + " private key", e);
        }
        if (structure.getParametersObject() != null && !domain.getName().equals(structure.getParametersObject())) {
            throw KeyEncodings.invalid("not a " + name + " private key (other curve inside)", null);
        }
        BigInteger d = structure.getKey();
        if (d.signum() <= 0 || d.compareTo(domain.getN()) >= 0) {
            throw KeyEncodings.invalid(name + " private scalar out of range", null);
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
        if (structure.getPublicKey() != null
                && !Arrays.equals(structure.getPublicKey().getOctets(), q.getEncoded(false))
                && !Arrays.equals(structure.getPublicKey().getOctets(), q.getEncoded(true))) {
            throw KeyEncodings.invalid(name + " private key carries a public key that does not match", null);
        }
        return new KeyMaterial(BigIntegers.asUnsignedByteArray(scalarLength, d),
                encodePublic(new ECPublicKeyParameters(q, domain)));
    }

    /**
     * @param random the random source
     * @return a fresh key pair
     */
    KeyMaterial generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        return new KeyMaterial(BigIntegers.asUnsignedByteArray(scalarLength, d),
                encodePublic((ECPublicKeyParameters) pair.getPublic()));
    }

    /**
     * @param secret the scalar's bytes
     * @return the private key parameters (Bouncy Castle keeps the scalar as an immutable
     *         BigInteger, which cannot be cleared; callers drop it right after use)
     */
    ECPrivateKeyParameters privateKey(byte[] secret) {
        return new ECPrivateKeyParameters(new BigInteger(1, secret), domain);
    }

    /**
     * @param secret the scalar's bytes
     * @return DER PKCS#8, with the curve's OID and the public key (Bouncy Castle keeps the scalar
     *         as an immutable BigInteger meanwhile)
     */
    byte[] encodePrivateKey(byte[] secret) {
        // As OpenSSL 3 writes it: the curve in the AlgorithmIdentifier only, the public key inside.
        BigInteger d = new BigInteger(1, secret);
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d);
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, domain.getName()),
                    new ECPrivateKey(domain.getN().bitLength(), d, new DERBitString(q.getEncoded(false)), null))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a " + name + " private key", e);
        }
    }

    private byte[] encodePublic(ECPublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a " + name + " public key", e);
        }
    }

    private void checkAlgorithm(ASN1ObjectIdentifier algorithm, Object parameters) throws CryptoException {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            throw KeyEncodings.invalid("not an EC key (algorithm " + algorithm + ")", null);
        }
        X962Parameters curve;
        try {
            curve = X962Parameters.getInstance(parameters);
        } catch (RuntimeException e) {
            throw KeyEncodings.invalid("EC key without valid curve parameters", e);
        }
        if (curve == null || !curve.isNamedCurve() || !domain.getName().equals(curve.getParameters())) {
            throw KeyEncodings.invalid("EC key not on the named curve " + name, null);
        }
    }
}
