package org.redoubt.crypto.bc.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.SealingKeyPair;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;

/**
 * The {@link CryptoProvider} of both suites on Bouncy Castle's lightweight API. Thread-safe and
 * stateless apart from its random source. Published as a DS component and, for the launcher's
 * plain class path, through {@code META-INF/services}.
 */
@Component(service = CryptoProvider.class)
public final class BouncyCastleCryptoProvider implements CryptoProvider {

    private final Supplier<SecureRandom> random;
    private PublicKeySealing sealing; // guarded by this
    /**
     * Each scheme is set up on first use: looking up curve parameters loads many classes, and the
     * launcher, which verifies a release before the framework starts, often needs one scheme only.
     */
    private final Map<SignatureScheme, SchemeKeys> schemes = new EnumMap<>(SignatureScheme.class);

    /**
     * Uses the JDK's NIST SP 800-90A DRBG, created on first use: the launcher only verifies and
     * never needs randomness, and setting up the JDK's provider framework costs it boot time. A
     * JDK without a DRBG fails that first use with an {@link IllegalStateException}; it is never
     * silently replaced.
     */
    public BouncyCastleCryptoProvider() {
        this.random = new LazyDrbg();
    }

    /** @param random the random source for keys, nonces and {@link #randomBytes(int)} */
    public BouncyCastleCryptoProvider(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        this.random = () -> random;
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
        random.get().nextBytes(out);
        return out;
    }

    @Override
    public SealingKeyPair generateSealingKeyPair(Suite suite) {
        return sealing().generate(suite);
    }

    @Override
    public byte[] sealTo(byte[] publicKey, byte[] associatedData, byte[] plaintext) throws CryptoException {
        return sealing().seal(publicKey, associatedData, plaintext);
    }

    @Override
    public byte[] openSealed(byte[] privateKey, byte[] associatedData, byte[] sealed) throws CryptoException {
        return sealing().open(privateKey, associatedData, sealed);
    }

    private synchronized PublicKeySealing sealing() {
        if (sealing == null) { // built on first use: the curves cost boot time the launcher does not need
            sealing = new PublicKeySealing(random);
        }
        return sealing;
    }

    @Override
    public byte[] derivePinKey(char[] pin, byte[] salt, PinKdfParameters parameters, int length)
            throws CryptoException {
        return PinKdf.derive(pin, salt, parameters, length);
    }

    private SchemeKeys schemeOf(SignatureScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        synchronized (schemes) {
            return schemes.computeIfAbsent(scheme, this::create);
        }
    }

    private SchemeKeys create(SignatureScheme scheme) {
        return switch (scheme) {
            case ED25519 -> new Ed25519Keys(random);
            case ECDSA_P256_SHA256 -> new EcdsaP256Keys(random);
            case SM2_SM3 -> new Sm2Keys(random);
        };
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

    /** The JDK's DRBG, created once, on first use. */
    private static final class LazyDrbg implements Supplier<SecureRandom> {
        private SecureRandom drbg;

        @Override
        public synchronized SecureRandom get() {
            if (drbg == null) {
                try {
                    drbg = SecureRandom.getInstance("DRBG");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JDK offers no DRBG SecureRandom", e);
                }
            }
            return drbg;
        }
    }
}
