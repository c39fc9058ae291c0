package org.redoubt.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns input into characters for {@link TextParser}, checking size and encoding first. */
final class Utf8Input {

    private Utf8Input() {
    }

    /**
     * Decodes strict UTF-8: overlong forms, encoded surrogates, code points above U+10FFFF, stray
     * or missing continuation bytes are all rejected.
     *
     * @return the characters; at most {@code utf8.length} of them
     * @throws JsonException {@link JsonException.Reason#TOO_LARGE} or {@link JsonException.Reason#INVALID_UTF8}
     */
    static CharBuffer decode(byte[] utf8, JsonLimits limits) throws JsonException {
        if (utf8.length > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        // UTF-8 never gives more chars than bytes: a 4-byte sequence becomes 2 chars.
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError() && !result.isOverflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new JsonException(JsonException.Reason.INVALID_UTF8, in.position(), "invalid UTF-8 byte sequence");
        }
        if (result.isOverflow()) {
            throw new IllegalStateException("UTF-8 decoder produced more chars than bytes");
        }
        return out.flip();
    }

    /**
     * Checks that {@code text} has at most {@code maxBytes} bytes in UTF-8, without encoding it.
     * Unpaired surrogates are left to the parser, which rejects them.
     *
     * @throws JsonException {@link JsonException.Reason#TOO_LARGE}
     */
    static void checkSize(String text, JsonLimits limits) throws JsonException {
        int max = limits.maxBytes();
        if (text.length() > max) {
            throw tooLarge(limits);
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate pair is 4 bytes, 2 per char.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (bytes > max) {
                throw tooLarge(limits);
            }
        }
    }

    private static JsonException tooLarge(JsonLimits limits) {
        return new JsonException(JsonException.Reason.TOO_LARGE, -1,
                "input has more than " + limits.maxBytes() + " bytes");
    }
}
