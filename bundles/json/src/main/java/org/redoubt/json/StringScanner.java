package org.redoubt.json;

/**
 * Reads the body of one JSON string, after its opening quote: unescapes it, rejects control
 * characters, bad escapes and unpaired surrogates (literal or escaped), and stops as soon as the
 * result would be longer than allowed.
 */
final class StringScanner {

    private final char[] text;
    private final int end;
    private final int maxLength;
    private final int open;
    private int pos;
    private StringBuilder escaped;

    /**
     * @param text      the document
     * @param start     the first character after the opening quote
     * @param end       the end of the document
     * @param maxLength the longest result allowed
     * @param open      the offset of the opening quote, for messages
     */
    StringScanner(char[] text, int start, int end, int maxLength, int open) {
        this.text = text;
        this.pos = start;
        this.end = end;
        this.maxLength = maxLength;
        this.open = open;
    }

    /** @return the offset just after the closing quote, once {@link #scan()} returned */
    int position() {
        return pos;
    }

    /** @return the unescaped string; {@link #position()} is then past the closing quote */
    String scan() throws JsonException {
        int run = pos;
        while (true) {
            if (pos >= end) {
                throw TextParser.syntax(open, "unterminated string");
            }
            char c = text[pos];
            if (c == '"') {
                String value = escaped == null ? new String(text, run, pos - run)
                        : escaped.append(text, run, pos - run).toString();
                pos++;
                return value;
            }
            if (c == '\\') {
                if (escaped == null) {
                    escaped = new StringBuilder();
                }
                escaped.append(text, run, pos - run);
                pos++;
                unescape();
                run = pos;
            } else if (c < 0x20) {
                throw TextParser.syntax(pos, "control character " + TextParser.describe(c) + " in string");
            } else if (Character.isHighSurrogate(c) && pos + 1 < end && Character.isLowSurrogate(text[pos + 1])) {
                pos += 2;
            } else if (Character.isSurrogate(c)) {
                // Only text input can get here: decoded UTF-8 has no unpaired surrogates.
                throw new JsonException(JsonException.Reason.INVALID_UTF8, pos, "unpaired surrogate in string");
            } else {
                pos++;
            }
            int length = (escaped == null ? 0 : escaped.length()) + (pos - run);
            if (length > maxLength) {
                throw new JsonException(JsonException.Reason.STRING_TOO_LONG, open,
                        "string longer than " + maxLength + " characters");
            }
        }
    }

    /** Appends the character(s) of the escape after a backslash at {@code pos - 1}. */
    private void unescape() throws JsonException {
        if (pos >= end) {
            throw TextParser.syntax(pos, "unexpected end of input in escape");
        }
        char c = text[pos++];
        switch (c) {
            case '"', '\\', '/' -> escaped.append(c);
            case 'b' -> escaped.append('\b');
            case 'f' -> escaped.append('\f');
            case 'n' -> escaped.append('\n');
            case 'r' -> escaped.append('\r');
            case 't' -> escaped.append('\t');
            case 'u' -> unicodeEscape();
            default -> throw TextParser.syntax(pos - 1, "invalid escape " + TextParser.describe(c));
        }
    }

    /** Appends a {@code \}{@code uXXXX} escape, or a pair of them forming one supplementary character. */
    private void unicodeEscape() throws JsonException {
        int at = pos - 2;
        char c = hex4();
        if (Character.isLowSurrogate(c)) {
            throw TextParser.syntax(at, "unpaired surrogate escape");
        }
        if (Character.isHighSurrogate(c)) {
            if (pos + 1 >= end || text[pos] != '\\' || text[pos + 1] != 'u') {
                throw TextParser.syntax(at, "unpaired surrogate escape");
            }
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
                throw TextParser.syntax(at, "unpaired surrogate escape");
            }
            escaped.append(c);
            c = low;
        }
        escaped.append(c);
    }

    /** Reads exactly four ASCII hex digits. */
    private char hex4() throws JsonException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos < end ? hexDigit(text[pos]) : -1;
            if (digit < 0) {
                throw TextParser.syntax(pos, "expected four hex digits in \\u escape");
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
