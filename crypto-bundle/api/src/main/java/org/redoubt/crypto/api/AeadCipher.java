package org.redoubt.crypto.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An AEAD bound to one key. Thread-safe. {@link #close()} clears the key, after which every method
 * throws {@link IllegalStateException}. Never seal two messages with the same nonce under one key.
 *
 * @since 1.0
 */
@ProviderType
public interface AeadCipher extends AutoCloseable {

    /** @return the algorithm */
    AeadAlgorithm algorithm();

    /**
     * @param nonce          {@link AeadAlgorithm#NONCE_LENGTH} bytes, unique per key
     * @param associatedData authenticated, not encrypted; may be empty
     * @param plaintext      the message
     * @return ciphertext followed by the {@link AeadAlgorithm#TAG_LENGTH}-byte tag
     */
    byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext);

    /**
     * @param nonce          the nonce used to seal
     * @param associatedData the associated data used to seal
     * @param sealed         ciphertext and tag
     * @return the plaintext
     * @throws CryptoException {@link CryptoException.Reason#AUTHENTICATION_FAILED} when anything
     *                         does not match; no plaintext is released then
     */
    byte[] open(byte[] nonce, byte[] associatedData, byte[] sealed) throws CryptoException;

    /** Clears the key. Closing twice does nothing. */
    @Override
    void close();
}
