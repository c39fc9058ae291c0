package org.redoubt.crypto.bc.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.Arrays;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;

/**
 * Ed25519 (RFC 8032, pure). Keys are RFC 8410 encodings (OID 1.3.101.112, no parameters);
 * signatures are the raw 64 bytes. The secret is the 32-byte seed.
 */
final class Ed25519Keys implements SchemeKeys {

    /** The group order L, little-endian in signatures. */
    private static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    /** RFC 8410 id-Ed25519 (Bouncy Castle keeps its constant in a non-exported package). */
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) ... } for 32 key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final Supplier<SecureRandom> random;

    /** @param random source for key generation */
    Ed25519Keys(Supplier<SecureRandom> random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SignatureScheme scheme() {
        return SignatureScheme.ED25519;
    }

    @Override
    public void validate(byte[] subjectPublicKeyInfo) throws CryptoException {
        publicKey(subjectPublicKeyInfo);
    }

    @Override
    public SignatureCheck verify(byte[] subjectPublicKeyInfo, DistinguishingId id, byte[] message, byte[] signature) {
        Ed25519PublicKeyParameters key;
        try {
            key = publicKey(subjectPublicKeyInfo);
        } catch (CryptoException e) {
            return SignatureCheck.INVALID_KEY;
        }
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE || !canonicalScalar(signature)) {
            return SignatureCheck.MALFORMED_SIGNATURE;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature) ? SignatureCheck.VALID : SignatureCheck.INVALID_SIGNATURE;
    }

    @Override
    public KeyMaterial generate() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random.get());
        return new KeyMaterial(key.getEncoded(), encodePublic(key.generatePublicKey()));
    }

    @Override
    public KeyMaterial importPrivateKey(byte[] pkcs8) throws CryptoException {
        PrivateKeyInfo info = KeyEncodings.privateKeyInfo(pkcs8);
        if (!Asn1.ID_ED25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())
                || info.getPrivateKeyAlgorithm().getParameters() != null) {
            throw KeyEncodings.invalid("not an Ed25519 private key (algorithm "
                    + info.getPrivateKeyAlgorithm().getAlgorithm() + ")", null);
        }
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw KeyEncodings.invalid("not a valid Ed25519 private key", e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed)) {
            throw KeyEncodings.invalid("not an Ed25519 private key", null);
        }
        Ed25519PublicKeyParameters publicKey = ed.generatePublicKey();
        if (info.getPublicKeyData() != null
                && !Arrays.areEqual(info.getPublicKeyData().getOctets(), publicKey.getEncoded())) {
            throw KeyEncodings.invalid("Ed25519 private key carries a public key that does not match", null);
        }
        return new KeyMaterial(ed.getEncoded(), encodePublic(publicKey));
    }

    @Override
    public byte[] sign(byte[] secret, DistinguishingId id, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(secret));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public byte[] encodePrivateKey(byte[] secret) {
        // RFC 8410 version 1 (no embedded public key), as OpenSSL writes it and as OpenSSL 3.0 reads it.
        byte[] seed = secret.clone();
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(Asn1.ID_ED25519), new DEROctetString(seed))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 private key", e);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    private static Ed25519PublicKeyParameters publicKey(byte[] subjectPublicKeyInfo) throws CryptoException {
        byte[] raw = KeyEncodings.fixedPrefixKey(subjectPublicKeyInfo, SPKI_PREFIX, Ed25519PublicKeyParameters.KEY_SIZE);
        if (raw != null) {
            // Full RFC 8032 check: on the curve, canonical, not of small order.
            if (!Ed25519.validatePublicKeyFull(raw, 0)) {
                throw KeyEncodings.invalid("not a valid Ed25519 point (small order or non-canonical)", null);
            }
            return new Ed25519PublicKeyParameters(raw, 0);
        }
        // Not the one DER form of an Ed25519 key: parse it to say what it is instead.
        SubjectPublicKeyInfo info = KeyEncodings.subjectPublicKeyInfo(subjectPublicKeyInfo);
        if (!Asn1.ID_ED25519.equals(info.getAlgorithm().getAlgorithm())
                || info.getAlgorithm().getParameters() != null) {
            throw KeyEncodings.invalid("not an Ed25519 public key (algorithm " + info.getAlgorithm().getAlgorithm() + ")", null);
        }
        try {
            // Rejects encodings of the wrong length and points that do not decompress.
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(info);
            if (!(key instanceof Ed25519PublicKeyParameters ed)) {
                throw KeyEncodings.invalid("not an Ed25519 public key", null);
            }
            // Full RFC 8032 check: on the curve, canonical, not of small order.
            if (!Ed25519.validatePublicKeyFull(ed.getEncoded(), 0)) {
                throw KeyEncodings.invalid("not a valid Ed25519 point (small order or non-canonical)", null);
            }
            return ed;
        } catch (IOException | RuntimeException e) {
            throw KeyEncodings.invalid("not a valid Ed25519 public key", e);
        }
    }

    private static byte[] encodePublic(Ed25519PublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 public key", e);
        }
    }

    /** RFC 8032 5.1.7: S (the second half, little-endian) must be below L. */
    private static boolean canonicalScalar(byte[] signature) {
        byte[] s = Arrays.reverse(Arrays.copyOfRange(signature, 32, 64));
        return new BigInteger(1, s).compareTo(ORDER) < 0;
    }

    /** The algorithm's OID, in its own class so that verifying needs no ASN.1 classes loaded. */
    private static final class Asn1 {
        static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    }
}
