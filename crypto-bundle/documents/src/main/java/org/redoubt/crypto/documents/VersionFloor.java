package org.redoubt.crypto.documents;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The highest accepted version of one kind of document and the SHA-256 of its payload.
 *
 * @param version       the version
 * @param payloadDigest SHA-256 of the payload bytes (copied)
 * @since 1.0
 */
public record VersionFloor(long version, byte[] payloadDigest) {

    /** Copies the digest. */
    public VersionFloor {
        payloadDigest = payloadDigest.clone();
    }

    /** @return a copy of the digest */
    @Override
    public byte[] payloadDigest() {
        return payloadDigest.clone();
    }

    /**
     * @param digest a payload digest
     * @return whether it equals this floor's
     */
    public boolean sameBytes(byte[] digest) {
        return MessageDigest.isEqual(payloadDigest, digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionFloor floor && version == floor.version
                && Arrays.equals(payloadDigest, floor.payloadDigest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version) * 31 + Arrays.hashCode(payloadDigest);
    }

    @Override
    public String toString() {
        return "floor v" + version;
    }
}
