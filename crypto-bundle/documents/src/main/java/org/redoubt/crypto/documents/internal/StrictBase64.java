package org.redoubt.crypto.documents.internal;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard base64 (RFC 4648 section 4) with padding, in its one canonical form: no line breaks,
 * no URL-safe alphabet, no missing padding, no non-zero unused bits. Two texts never decode to
 * the same bytes.
 */
public final class StrictBase64 {

    private StrictBase64() {
    }

    /**
     * @param text the base64 text
     * @return the bytes, or empty when {@code text} is not canonical padded standard base64
     */
    public static Optional<byte[]> decode(String text) {
        if (text.length() % 4 != 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }

    /**
     * @param bytes the bytes
     * @return their canonical padded standard base64
     */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
