package org.redoubt.crypto.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * All primitives of both suites. One implementation, backed by Bouncy Castle's lightweight API,
 * is published as a service by the crypto implementation bundle; it is also usable without a
 * framework (the launcher verifies releases with it).
 *
 * @since 1.0
 */
@ProviderType
public interface CryptoProvider {

    /**
     * @param algorithm the hash
     * @param data      the bytes
     * @return the digest
     */
    byte[] digest(HashAlgorithm algorithm, byte[] data);

    /**
     * @param algorithm the hash
     * @param key       the MAC key (copied)
     * @param data      the bytes
     * @return HMAC of {@code data}
     */
    byte[] hmac(HashAlgorithm algorithm, byte[] key, byte[] data);

    /**
     * HKDF (RFC 5869) extract-and-expand.
     *
     * @param algorithm         the hash
     * @param inputKeyMaterial  the secret input (copied)
     * @param salt              the salt, may be empty
     * @param info              the context, may be empty
     * @param length            output length, 1..255 hash lengths
     * @return the derived key; the caller clears it after use
     */
    byte[] hkdf(HashAlgorithm algorithm, byte[] inputKeyMaterial, byte[] salt, byte[] info, int length);

    /**
     * Checks a signature. Never throws for bad keys or signatures: those are results.
     *
     * @param key       the public key, with its scheme and (for SM2) distinguishing identifier
     * @param message   the signed bytes
     * @param signature the signature in the scheme's encoding
     * @return the outcome
     */
    SignatureCheck verify(VerificationKey key, byte[] message, byte[] signature);

    /**
     * Checks that a public key is a valid key of its scheme (algorithm, curve, point on the curve).
     *
     * @param key the key
     * @throws CryptoException {@link CryptoException.Reason#INVALID_KEY} when it is not
     */
    void validate(VerificationKey key) throws CryptoException;

    /**
     * @param scheme           the scheme
     * @param distinguishingId the SM2 identifier, {@link DistinguishingId#NONE} for other schemes
     * @return a fresh key pair from the provider's strong random source
     */
    SigningKey generateSigningKey(SignatureScheme scheme, DistinguishingId distinguishingId);

    /**
     * @param scheme           the scheme
     * @param pkcs8            the DER PKCS#8 private key (copied; the caller clears its array)
     * @param distinguishingId the SM2 identifier, {@link DistinguishingId#NONE} for other schemes
     * @return the key
     * @throws CryptoException {@link CryptoException.Reason#INVALID_KEY} when the bytes are not a
     *                         private key of the scheme
     */
    SigningKey importSigningKey(SignatureScheme scheme, byte[] pkcs8, DistinguishingId distinguishingId)
            throws CryptoException;

    /**
     * @param algorithm the AEAD
     * @param key       {@link AeadAlgorithm#keyLength()} bytes (copied; the caller clears its array)
     * @return a cipher bound to the key; close it to clear the key
     */
    AeadCipher aead(AeadAlgorithm algorithm, byte[] key);

    /**
     * @param length how many bytes
     * @return bytes from the provider's strong random source
     */
    byte[] randomBytes(int length);

    /**
     * Argon2id over a PIN.
     *
     * @param pin        the PIN's characters (read, not cleared: the caller clears it)
     * @param salt       at least 16 bytes, unique per handset
     * @param parameters the cost
     * @param length     output length, 16..64
     * @return the derived key; the caller clears it after use
     * @throws CryptoException {@link CryptoException.Reason#INVALID_ARGUMENT} for an empty PIN or a short salt
     */
    byte[] derivePinKey(char[] pin, byte[] salt, PinKdfParameters parameters, int length) throws CryptoException;

    /**
     * @param suite the suite: an ECDH P-256 key pair for NIST, an SM2 key pair for SM
     * @return a new key pair to seal records to
     * @since 1.1
     */
    SealingKeyPair generateSealingKeyPair(Suite suite);

    /**
     * Seals a record to a public key, so that only the holder of the private key can open it: the
     * handset keeps messages that arrive while it is locked this way. NIST: ephemeral-static ECDH
     * on P-256, HKDF-SHA-256 over the shared secret and both public keys, AES-256-GCM. SM: a random
     * SM4 key and nonce encrypted with SM2 public-key encryption (GB/T 32918.4, C1C3C2, SM3),
     * SM4-GCM. The suite follows from the key's curve.
     *
     * @param publicKey      DER SubjectPublicKeyInfo of a P-256 or SM2 key
     * @param associatedData authenticated, not encrypted; may be empty
     * @param plaintext      the record
     * @return the sealed record
     * @throws CryptoException {@code INVALID_KEY} when the key is not a valid key of either curve
     * @since 1.1
     */
    byte[] sealTo(byte[] publicKey, byte[] associatedData, byte[] plaintext) throws CryptoException;

    /**
     * @param privateKey     DER PKCS#8 of the key pair's private key (copied; the caller clears it)
     * @param associatedData the associated data used to seal
     * @param sealed         what {@link #sealTo} returned
     * @return the record
     * @throws CryptoException {@code AUTHENTICATION_FAILED} when it was not sealed to this key with
     *                         this associated data, or was changed; {@code INVALID_KEY} for a bad key
     * @since 1.1
     */
    byte[] openSealed(byte[] privateKey, byte[] associatedData, byte[] sealed) throws CryptoException;
}
