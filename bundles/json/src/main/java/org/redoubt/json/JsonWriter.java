package org.redoubt.json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes values as JSON text, deterministically: the same value always gives the same text.
 *
 * <ul>
 * <li>Members in their order in the object, numbers as their exact {@link JsonNumber#text()}.</li>
 * <li>Minimal escaping: {@code "} and {@code \} are escaped, control characters below U+0020 use
 *     {@code \b \f \n \r \t} or {@code \}{@code u00xx} (lowercase hex); everything else, non-ASCII
 *     included, is written as is (and as UTF-8 by {@link #writeUtf8}).</li>
 * <li>{@link #compact()} writes no whitespace at all. {@link #indented()} puts each member and
 *     element on its own line, indented by two spaces per level, with {@code ": "} after names;
 *     empty containers stay {@code {}} and {@code []}. Neither adds a final newline.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Writing cannot fail: every {@link JsonValue} is
 * well-formed and bounded in depth.
 *
 * @since 1.0
 */
public final class JsonWriter {

    private static final JsonWriter COMPACT = new JsonWriter(false);
    private static final JsonWriter INDENTED = new JsonWriter(true);
    private static final String HEX = "0123456789abcdef";

    private final boolean indent;

    private JsonWriter(boolean indent) {
        this.indent = indent;
    }

    /** @return the writer of the compact form, without whitespace */
    public static JsonWriter compact() {
        return COMPACT;
    }

    /** @return the writer of the indented form, two spaces per level */
    public static JsonWriter indented() {
        return INDENTED;
    }

    /**
     * @param value the value to write
     * @return its JSON text
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    /**
     * @param value the value to write
     * @return its JSON text encoded as UTF-8
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public byte[] writeUtf8(JsonValue value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    private void append(StringBuilder out, JsonValue value, int level) {
        if (value instanceof JsonObject) {
            appendObject(out, (JsonObject) value, level);
        } else if (value instanceof JsonArray) {
            appendArray(out, (JsonArray) value, level);
        } else if (value instanceof JsonString) {
            appendString(out, ((JsonString) value).value());
        } else if (value instanceof JsonNumber) {
            out.append(((JsonNumber) value).text());
        } else if (value instanceof JsonBoolean) {
            out.append(((JsonBoolean) value).value() ? "true" : "false");
        } else if (value instanceof JsonNull) {
            out.append("null");
        } else {
            throw new NullPointerException("value");
        }
    }

    private void appendObject(StringBuilder out, JsonObject object, int level) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine(out, level + 1);
            appendString(out, member.getKey());
            out.append(indent ? ": " : ":");
            append(out, member.getValue(), level + 1);
        }
        newLine(out, level);
        out.append('}');
    }

    private void appendArray(StringBuilder out, JsonArray array, int level) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (JsonValue element : array.elements()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine(out, level + 1);
            append(out, element, level + 1);
        }
        newLine(out, level);
        out.append(']');
    }

    private void newLine(StringBuilder out, int level) {
        if (indent) {
            out.append('\n');
            for (int i = 0; i < level; i++) {
                out.append("  ");
            }
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        out.append(text, run, text.length()).append('"');
    }
}
