package org.redoubt.crypto.bc.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.util.BigIntegers;
import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.api.SealingKeyPair;
import org.redoubt.crypto.api.Suite;

/**
 * Sealing to a public key. A sealed record is {@code version 01 | suite (01 NIST, 02 SM) | key part
 * | AEAD ciphertext and tag}; the AEAD's associated data is the two header bytes followed by the
 * caller's associated data.
 *
 * <ul>
 * <li>NIST: the key part is an ephemeral P-256 public point (65 bytes, uncompressed). The AES-256
 * key and the nonce are HKDF-SHA-256 (no salt) of the ECDH shared secret, with info
 * {@code "redoubt/sealed-to/v1" | ephemeral point | recipient point}: every record has its own key,
 * bound to both public keys.</li>
 * <li>SM: the key part is the SM2 encryption (GB/T 32918.4, C1C3C2 order, SM3; 125 bytes) of a
 * random 16-byte SM4 key and 12-byte nonce.</li>
 * </ul>
 */
final class PublicKeySealing {

    private static final byte VERSION = 1;
    private static final byte NIST = 1;
    private static final byte SM = 2;
    private static final int POINT_LENGTH = 65;
    private static final int SM2_KEY_PART_LENGTH = POINT_LENGTH + 32 + 16 + AeadAlgorithm.NONCE_LENGTH;
    private static final byte[] INFO = "redoubt/sealed-to/v1".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<SecureRandom> random;
    private final NamedCurve p256 = NamedCurve.p256();
    private final NamedCurve sm2 = NamedCurve.sm2();

    /** @param random the random source for ephemeral keys and SM4 keys */
    PublicKeySealing(Supplier<SecureRandom> random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    SealingKeyPair generate(Suite suite) {
        NamedCurve curve = curve(suite);
        KeyMaterial material = curve.generate(random.get());
        byte[] pkcs8 = curve.encodePrivateKey(material.secret());
        try {
            return new SealingKeyPair(suite, material.subjectPublicKeyInfo(), pkcs8);
        } finally {
            Arrays.fill(material.secret(), (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    byte[] seal(byte[] publicKey, byte[] associatedData, byte[] plaintext) throws CryptoException {
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(plaintext, "plaintext");
        ECPublicKeyParameters nistKey = tryPublicKey(p256, publicKey);
        if (nistKey != null) {
            return sealNist(nistKey, associatedData, plaintext);
        }
        ECPublicKeyParameters smKey = tryPublicKey(sm2, publicKey);
        if (smKey != null) {
            return sealSm(smKey, associatedData, plaintext);
        }
        throw KeyEncodings.invalid("not a P-256 or SM2 public key to seal to", null);
    }

    byte[] open(byte[] privateKey, byte[] associatedData, byte[] sealed) throws CryptoException {
        Objects.requireNonNull(associatedData, "associatedData");
        if (sealed.length < 2 || sealed[0] != VERSION || (sealed[1] != NIST && sealed[1] != SM)) {
            throw failed("not a sealed record of a known format", null);
        }
        NamedCurve curve = sealed[1] == NIST ? p256 : sm2;
        KeyMaterial key = curve.importPrivateKey(privateKey);
        try {
            return sealed[1] == NIST ? openNist(key, associatedData, sealed) : openSm(key, associatedData, sealed);
        } finally {
            Arrays.fill(key.secret(), (byte) 0);
        }
    }

    private byte[] sealNist(ECPublicKeyParameters recipient, byte[] associatedData, byte[] plaintext) {
        KeyMaterial ephemeral = p256.generate(random.get());
        byte[] ephemeralPoint = point(ephemeral.subjectPublicKeyInfo());
        byte[] keyAndNonce = nistKey(p256.privateKey(ephemeral.secret()), recipient, ephemeralPoint);
        Arrays.fill(ephemeral.secret(), (byte) 0);
        byte[] header = {VERSION, NIST};
        try {
            return concat(header, ephemeralPoint, gcm(AeadAlgorithm.AES_256_GCM, keyAndNonce, header, associatedData,
                    plaintext));
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }

    private byte[] openNist(KeyMaterial key, byte[] associatedData, byte[] sealed) throws CryptoException {
        if (sealed.length < 2 + POINT_LENGTH + AeadAlgorithm.TAG_LENGTH) {
            throw failed("sealed record too short", null);
        }
        byte[] ephemeralPoint = Arrays.copyOfRange(sealed, 2, 2 + POINT_LENGTH);
        ECPublicKeyParameters ephemeral;
        try {
            ephemeral = new ECPublicKeyParameters(p256.domain().getCurve().decodePoint(ephemeralPoint), p256.domain());
        } catch (RuntimeException e) {
            throw failed("the ephemeral key is not a P-256 point", e);
        }
        ECPrivateKeyParameters own = p256.privateKey(key.secret());
        byte[] keyAndNonce = nistKey(own, ephemeral, ephemeralPoint, point(key.subjectPublicKeyInfo()));
        try {
            return openGcm(AeadAlgorithm.AES_256_GCM, keyAndNonce, sealed, 2 + POINT_LENGTH, associatedData);
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }

    private byte[] nistKey(ECPrivateKeyParameters ephemeral, ECPublicKeyParameters recipient, byte[] ephemeralPoint) {
        return nistKey(ephemeral, recipient, ephemeralPoint, recipient.getQ().getEncoded(false));
    }

    /** The ECDH secret, through HKDF bound to the ephemeral and the recipient's point. */
    private static byte[] nistKey(ECPrivateKeyParameters own, ECPublicKeyParameters other, byte[] ephemeralPoint,
            byte[] recipientPoint) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(own);
        byte[] shared = BigIntegers.asUnsignedByteArray(32, agreement.calculateAgreement(other));
        try {
            return Hashes.hkdf(HashAlgorithm.SHA256, shared, new byte[0], concat(INFO, ephemeralPoint, recipientPoint),
                    AeadAlgorithm.AES_256_GCM.keyLength() + AeadAlgorithm.NONCE_LENGTH);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    private byte[] sealSm(ECPublicKeyParameters recipient, byte[] associatedData, byte[] plaintext) {
        byte[] keyAndNonce = new byte[AeadAlgorithm.SM4_GCM.keyLength() + AeadAlgorithm.NONCE_LENGTH];
        random.get().nextBytes(keyAndNonce);
        byte[] header = {VERSION, SM};
        try {
            SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.init(true, new ParametersWithRandom(recipient, random.get()));
            byte[] keyPart = engine.processBlock(keyAndNonce, 0, keyAndNonce.length);
            return concat(header, keyPart, gcm(AeadAlgorithm.SM4_GCM, keyAndNonce, header, associatedData, plaintext));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }

    private byte[] openSm(KeyMaterial key, byte[] associatedData, byte[] sealed) throws CryptoException {
        if (sealed.length < 2 + SM2_KEY_PART_LENGTH + AeadAlgorithm.TAG_LENGTH) {
            throw failed("sealed record too short", null);
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, sm2.privateKey(key.secret()));
        byte[] keyAndNonce;
        try {
            keyAndNonce = engine.processBlock(sealed, 2, SM2_KEY_PART_LENGTH);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw failed("the SM2 key part does not decrypt", e);
        }
        try {
            if (keyAndNonce.length != AeadAlgorithm.SM4_GCM.keyLength() + AeadAlgorithm.NONCE_LENGTH) {
                throw failed("the SM2 key part has the wrong length", null);
            }
            return openGcm(AeadAlgorithm.SM4_GCM, keyAndNonce, sealed, 2 + SM2_KEY_PART_LENGTH, associatedData);
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }

    private static byte[] gcm(AeadAlgorithm algorithm, byte[] keyAndNonce, byte[] header, byte[] associatedData,
            byte[] plaintext) {
        byte[] key = Arrays.copyOf(keyAndNonce, algorithm.keyLength());
        try (GcmCipher cipher = new GcmCipher(algorithm, key)) {
            return cipher.seal(Arrays.copyOfRange(keyAndNonce, algorithm.keyLength(), keyAndNonce.length),
                    concat(header, associatedData), plaintext);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] openGcm(AeadAlgorithm algorithm, byte[] keyAndNonce, byte[] sealed, int offset,
            byte[] associatedData) throws CryptoException {
        byte[] key = Arrays.copyOf(keyAndNonce, algorithm.keyLength());
        try (GcmCipher cipher = new GcmCipher(algorithm, key)) {
            return cipher.open(Arrays.copyOfRange(keyAndNonce, algorithm.keyLength(), keyAndNonce.length),
                    concat(Arrays.copyOf(sealed, 2), associatedData), Arrays.copyOfRange(sealed, offset, sealed.length));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private NamedCurve curve(Suite suite) {
        return switch (Objects.requireNonNull(suite, "suite")) {
            case NIST -> p256;
            case SM -> sm2;
        };
    }

    private static ECPublicKeyParameters tryPublicKey(NamedCurve curve, byte[] publicKey) {
        try {
            return curve.publicKey(publicKey);
        } catch (CryptoException e) {
            return null;
        }
    }

    /** @return the uncompressed point at the end of a SubjectPublicKeyInfo this bundle wrote */
    private static byte[] point(byte[] subjectPublicKeyInfo) {
        return Arrays.copyOfRange(subjectPublicKeyInfo, subjectPublicKeyInfo.length - POINT_LENGTH,
                subjectPublicKeyInfo.length);
    }

    private static CryptoException failed(String message, Throwable cause) {
        return new CryptoException(CryptoException.Reason.AUTHENTICATION_FAILED, message, cause);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
