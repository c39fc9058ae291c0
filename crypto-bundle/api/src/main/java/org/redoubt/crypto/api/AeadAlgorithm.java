package org.redoubt.crypto.api;

/**
 * Authenticated encryption with associated data. Both use a 12-byte nonce and a 16-byte tag; the
 * tag is appended to the ciphertext.
 *
 * @since 1.0
 */
public enum AeadAlgorithm {
    /** AES-256 in GCM mode (NIST SP 800-38D). */
    AES_256_GCM("aes-256-gcm", 32),
    /** SM4 in GCM mode (GB/T 32907 block cipher, 128-bit key). */
    SM4_GCM("sm4-gcm", 16);

    /** Nonce length in bytes, for both algorithms. */
    public static final int NONCE_LENGTH = 12;
    /** Tag length in bytes, for both algorithms. */
    public static final int TAG_LENGTH = 16;

    private final String id;
    private final int keyLength;

    AeadAlgorithm(String id, int keyLength) {
        this.id = id;
        this.keyLength = keyLength;
    }

    /** @return the name used in sealed records, e.g. {@code sm4-gcm} */
    public String id() {
        return id;
    }

    /** @return the key length in bytes */
    public int keyLength() {
        return keyLength;
    }
}
