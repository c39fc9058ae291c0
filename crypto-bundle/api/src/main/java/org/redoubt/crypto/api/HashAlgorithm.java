package org.redoubt.crypto.api;

import java.util.Optional;

/**
 * Hash functions, also used for HMAC and HKDF.
 *
 * @since 1.0
 */
public enum HashAlgorithm {
    /** SHA-256 (FIPS 180-4). */
    SHA256("sha256", 32),
    /** SM3 (GB/T 32905). */
    SM3("sm3", 32);

    private final String id;
    private final int length;

    HashAlgorithm(String id, int length) {
        this.id = id;
        this.length = length;
    }

    /** @return the name used in documents and digests, e.g. {@code sm3} */
    public String id() {
        return id;
    }

    /** @return the digest length in bytes */
    public int length() {
        return length;
    }

    /**
     * @param id a name such as {@code sha256}
     * @return the algorithm, empty for an unknown name
     */
    public static Optional<HashAlgorithm> fromId(String id) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.id.equals(id)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
