package org.redoubt.crypto.bc.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;

/**
 * The {@link CryptoProvider} of both suites on Bouncy Castle's lightweight API. Thread-safe and
 * stateless apart from its random source. Published as a DS component and, for the launcher's
 * plain class path, through {@code META-INF/services}.
 */
@Component(service = CryptoProvider.class)
public final class BouncyCastleCryptoProvider implements CryptoProvider {

    private final SecureRandom random;
    private final Map<SignatureScheme, SchemeKeys> schemes = new EnumMap<>(SignatureScheme.class);

    /**
     * Uses the JDK's NIST SP 800-90A DRBG.
     *
     * @throws IllegalStateException when the JDK has no DRBG (never silently replaced)
     */
    public BouncyCastleCryptoProvider() {
        this(drbg());
    }

    /** @param random the random source for keys, nonces and {@link #randomBytes(int)} */
    public BouncyCastleCryptoProvider(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        for (SchemeKeys keys : List.of(new Ed25519Keys(random), new EcdsaP256Keys(random), new Sm2Keys(random))) {
            schemes.put(keys.scheme(), keys);
        }
    }

    @Override
    public byte[] digest(HashAlgorithm algorithm, byte[] data) {
        return Hashes.digest(algorithm, data);
    }

    @Override
    public byte[] hmac(HashAlgorithm algorithm, byte[] key, byte[] data) {
        return Hashes.hmac(algorithm, key, data);
    }

    @Override
    public byte[] hkdf(HashAlgorithm algorithm, byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        return Hashes.hkdf(algorithm, inputKeyMaterial, salt, info, length);
    }

    @Override
    public SignatureCheck verify(VerificationKey key, byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        return schemeOf(key.scheme()).verify(key.subjectPublicKeyInfo(), key.distinguishingId(), message, signature);
    }

    @Override
    public void validate(VerificationKey key) throws CryptoException {
        schemeOf(key.scheme()).validate(key.subjectPublicKeyInfo());
    }

    @Override
    public SigningKey generateSigningKey(SignatureScheme scheme, DistinguishingId distinguishingId) {
        SchemeKeys keys = schemeOf(scheme);
        return signingKey(keys, keys.generate(), distinguishingId);
    }

    @Override
    public SigningKey importSigningKey(SignatureScheme scheme, byte[] pkcs8, DistinguishingId distinguishingId)
            throws CryptoException {
        Objects.requireNonNull(pkcs8, "pkcs8");
        SchemeKeys keys = schemeOf(scheme);
        return signingKey(keys, keys.importPrivateKey(pkcs8), distinguishingId);
    }

    @Override
    public AeadCipher aead(AeadAlgorithm algorithm, byte[] key) {
        return new GcmCipher(algorithm, key);
    }

    @Override
    public byte[] randomBytes(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    @Override
    public byte[] derivePinKey(char[] pin, byte[] salt, PinKdfParameters parameters, int length)
            throws CryptoException {
        return PinKdf.derive(pin, salt, parameters, length);
    }

    private SchemeKeys schemeOf(SignatureScheme scheme) {
        return schemes.get(Objects.requireNonNull(scheme, "scheme"));
    }

    private static SigningKey signingKey(SchemeKeys keys, KeyMaterial material, DistinguishingId distinguishingId) {
        try {
            VerificationKey publicKey = VerificationKey.of(keys.scheme(), material.subjectPublicKeyInfo(), distinguishingId);
            return new BcSigningKey(keys, publicKey, material.secret());
        } catch (RuntimeException e) {
            // A distinguishing identifier that does not fit the scheme: do not leave the secret behind.
            Arrays.fill(material.secret(), (byte) 0);
            throw e;
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no DRBG SecureRandom", e);
        }
    }
}
