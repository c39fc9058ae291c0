package org.redoubt.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the strict RFC 8259 grammar over decoded text. Recursive descent: each level of
 * nesting costs two stack frames, and the depth limit (at most {@link JsonLimits#MAX_DEPTH}) is
 * checked before a container is entered, so the stack stays small whatever the input. Every other
 * limit is checked as soon as it is crossed. Not thread-safe; use once.
 */
final class TextParser {

    private final char[] text;
    private final int end;
    private final JsonLimits limits;
    private int pos;

    /** @param text the characters {@code [0, end)} are parsed */
    TextParser(char[] text, int end, JsonLimits limits) {
        this.text = text;
        this.end = end;
        this.limits = limits;
    }

    /** @return the single value the text holds */
    JsonValue parseDocument() throws JsonException {
        if (end > 0 && text[0] == '\uFEFF') {
            throw syntax(0, "byte order mark is not allowed");
        }
        skipWhitespace();
        JsonValue value = parseValue(0, null, null, -1);
        skipWhitespace();
        if (pos < end) {
            throw new JsonException(JsonException.Reason.TRAILING_DATA, pos, "data after the JSON value");
        }
        return value;
    }

    /**
     * Parses the value at {@code pos}. Its path is made only if it is a container: the root when
     * {@code parent} is {@code null}, else member {@code name} or element {@code index} of it.
     *
     * @param depth the nesting depth of the container holding the value (0 at the root)
     */
    private JsonValue parseValue(int depth, JsonPath parent, String name, int index) throws JsonException {
        if (pos >= end) {
            throw syntax(pos, "unexpected end of input, expected a value");
        }
        char c = text[pos];
        if (c == '{' || c == '[') {
            JsonPath here = parent == null ? JsonPath.ROOT : name != null ? parent.member(name) : parent.element(index);
            if (depth + 1 > limits.maxDepth()) {
                throw new JsonException(JsonException.Reason.TOO_DEEP, pos,
                        "nesting deeper than " + limits.maxDepth());
            }
            return c == '{' ? parseObject(depth + 1, here) : parseArray(depth + 1, here);
        }
        if (c == '"') {
            return new JsonString(parseString());
        }
        if (c == '-' || isDigit(c)) {
            return parseNumber();
        }
        if (c == 't') {
            return literal("true", JsonBoolean.TRUE);
        }
        if (c == 'f') {
            return literal("false", JsonBoolean.FALSE);
        }
        if (c == 'n') {
            return literal("null", JsonNull.INSTANCE);
        }
        throw unexpected("a value");
    }

    private JsonObject parseObject(int depth, JsonPath path) throws JsonException {
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        int childDepth = 0;
        skipWhitespace();
        if (pos < end && text[pos] == '}') {
            pos++;
            return new JsonObject(Map.of(), path, 1);
        }
        while (true) {
            if (pos >= end || text[pos] != '"') {
                throw unexpected("a member name");
            }
            int nameAt = pos;
            String name = parseString();
            if (members.containsKey(name)) {
                throw new JsonException(JsonException.Reason.DUPLICATE_KEY, nameAt,
                        "duplicate member " + path.member(name));
            }
            if (members.size() >= limits.maxMembers()) {
                throw new JsonException(JsonException.Reason.TOO_MANY_MEMBERS, nameAt,
                        "object has more than " + limits.maxMembers() + " members");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue value = parseValue(depth, path, name, -1);
            members.put(name, value);
            childDepth = Math.max(childDepth, Shape.depthOf(value));
            if (!nextSeparator('}')) {
                return new JsonObject(Collections.unmodifiableMap(members), path, childDepth + 1);
            }
        }
    }

    private JsonArray parseArray(int depth, JsonPath path) throws JsonException {
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        int childDepth = 0;
        skipWhitespace();
        if (pos < end && text[pos] == ']') {
            pos++;
            return new JsonArray(List.of(), path, 1);
        }
        while (true) {
            if (elements.size() >= limits.maxMembers()) {
                throw new JsonException(JsonException.Reason.TOO_MANY_MEMBERS, pos,
                        "array has more than " + limits.maxMembers() + " elements");
            }
            JsonValue value = parseValue(depth, path, null, elements.size());
            elements.add(value);
            childDepth = Math.max(childDepth, Shape.depthOf(value));
            if (!nextSeparator(']')) {
                return new JsonArray(Collections.unmodifiableList(elements), path, childDepth + 1);
            }
        }
    }

    /**
     * Reads what follows a member or element: a comma (then another one must come) or the
     * closing bracket.
     *
     * @return {@code true} after a comma, {@code false} after {@code close}
     */
    private boolean nextSeparator(char close) throws JsonException {
        skipWhitespace();
        if (pos < end && text[pos] == ',') {
            pos++;
            skipWhitespace();
            if (pos < end && (text[pos] == '}' || text[pos] == ']')) {
                throw syntax(pos, "trailing comma");
            }
            return true;
        }
        if (pos < end && text[pos] == close) {
            pos++;
            return false;
        }
        throw unexpected("',' or '" + close + "'");
    }

    private String parseString() throws JsonException {
        int open = pos++;
        StringScanner scanner = new StringScanner(text, pos, end, limits.maxStringLength(), open);
        String value = scanner.scan();
        pos = scanner.position();
        return value;
    }

    private JsonNumber parseNumber() throws JsonException {
        int start = pos;
        if (text[pos] == '-') {
            pos++;
        }
        if (pos < end && text[pos] == '0') {
            pos++;
            if (pos < end && isDigit(text[pos])) {
                throw syntax(pos - 1, "leading zero in number");
            }
        } else {
            digits(start);
        }
        if (pos < end && text[pos] == '.') {
            pos++;
            digits(start);
        }
        if (pos < end && (text[pos] == 'e' || text[pos] == 'E')) {
            pos++;
            if (pos < end && (text[pos] == '+' || text[pos] == '-')) {
                pos++;
            }
            digits(start);
        }
        return JsonNumber.parsed(new String(text, start, pos - start), start);
    }

    /** Reads one or more ASCII digits of the number that starts at {@code start}. */
    private void digits(int start) throws JsonException {
        if (pos >= end || !isDigit(text[pos])) {
            throw unexpected("a digit");
        }
        while (pos < end && isDigit(text[pos])) {
            pos++;
            if (pos - start > JsonNumber.MAX_TEXT_LENGTH) {
                throw new JsonException(JsonException.Reason.NUMBER_TOO_LONG, start,
                        "number longer than " + JsonNumber.MAX_TEXT_LENGTH + " characters");
            }
        }
    }

    private JsonValue literal(String word, JsonValue value) throws JsonException {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || text[pos + i] != word.charAt(i)) {
                throw syntax(pos, "invalid literal, expected '" + word + "'");
            }
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsonException {
        if (pos >= end || text[pos] != c) {
            throw unexpected("'" + c + "'");
        }
        pos++;
    }

    /** Skips the four whitespace characters of RFC 8259: space, tab, line feed, carriage return. */
    private void skipWhitespace() {
        while (pos < end) {
            char c = text[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonException unexpected(String expected) {
        if (pos >= end) {
            return syntax(pos, "unexpected end of input, expected " + expected);
        }
        return syntax(pos, "unexpected character " + describe(text[pos]) + ", expected " + expected);
    }

    static JsonException syntax(int offset, String detail) {
        return new JsonException(JsonException.Reason.SYNTAX, offset, detail);
    }

    /** @return the character as {@code 'x'} if it is printable ASCII, else as {@code U+XXXX} */
    static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
