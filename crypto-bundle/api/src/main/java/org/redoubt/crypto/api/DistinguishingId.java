package org.redoubt.crypto.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SM2 distinguishing identifier (user ID) that enters the signature's Z value. SM2 keys always
 * carry one explicitly, including the common default, so that nobody relies on a library's
 * implicit default; keys of other schemes carry {@link #NONE}.
 *
 * @since 1.0
 */
public final class DistinguishingId {

    /** No identifier: for Ed25519 and ECDSA keys. */
    public static final DistinguishingId NONE = new DistinguishingId(new byte[0]);

    /** The identifier GB/T 32918 and most implementations use by default: {@code 1234567812345678}. */
    public static final DistinguishingId SM2_DEFAULT = of("1234567812345678");

    /** The longest identifier: its bit length must fit the two-byte ENTL field. */
    public static final int MAX_LENGTH = 8191;

    private final byte[] value;

    private DistinguishingId(byte[] value) {
        this.value = value;
    }

    /**
     * @param ascii the identifier as text (encoded as UTF-8)
     * @return the identifier
     * @throws IllegalArgumentException when empty or longer than {@link #MAX_LENGTH} bytes
     */
    public static DistinguishingId of(String ascii) {
        return of(ascii.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes the identifier's bytes (copied)
     * @return the identifier
     * @throws IllegalArgumentException when empty or longer than {@link #MAX_LENGTH} bytes
     */
    public static DistinguishingId of(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("an SM2 distinguishing identifier has 1.." + MAX_LENGTH + " bytes");
        }
        return new DistinguishingId(bytes.clone());
    }

    /** @return a copy of the bytes; empty for {@link #NONE} */
    public byte[] bytes() {
        return value.clone();
    }

    /** @return whether this is {@link #NONE} */
    public boolean isNone() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistinguishingId id && Arrays.equals(value, id.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : new String(value, StandardCharsets.UTF_8);
    }
}
