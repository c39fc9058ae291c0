package org.redoubt.crypto.bc.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
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

    /**
     * @param name the curve's name, for messages
     * @param oid  the curve's OID
     */
    NamedCurve(String name, ASN1ObjectIdentifier oid) {
        this.name = name;
        this.domain = ECNamedDomainParameters.lookup(oid);
        this.scalarLength = BigIntegers.getUnsignedByteLength(domain.getN());
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
        SubjectPublicKeyInfo info = KeyEncodings.subjectPublicKeyInfo(subjectPublicKeyInfo);
        checkAlgorithm(info.getAlgorithm().getAlgorithm(), info.getAlgorithm().getParameters());
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            // ECPublicKeyParameters rejects points off the curve, at infinity or of wrong order.
            throw KeyEncodings.invalid("not a valid " + name + " public key", e);
        }
        if (!(key instanceof ECPublicKeyParameters ec) || !sameCurve(ec)) {
            throw KeyEncodings.invalid("not a " + name + " public key", null);
        }
        return ec;
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
        AsymmetricKeyParameter key;
        ECPrivateKey structure;
        try {
            key = PrivateKeyFactory.createKey(info);
            structure = ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | RuntimeException e) {
            throw KeyEncodings.invalid("not a valid " + name + " private key", e);
        }
        if (!(key instanceof ECPrivateKeyParameters ec) || !sameCurve(ec)) {
            throw KeyEncodings.invalid("not a " + name + " private key", null);
        }
        BigInteger d = ec.getD();
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

    private boolean sameCurve(org.bouncycastle.crypto.params.ECKeyParameters key) {
        return key.getParameters() instanceof ECNamedDomainParameters named && domain.getName().equals(named.getName());
    }
}
