package org.redoubt.json;

import java.nio.CharBuffer;
import java.util.Objects;

/**
 * Reads strict RFC 8259 JSON from untrusted sources.
 *
 * <p>Accepted is exactly one JSON value, optionally surrounded by the whitespace of the RFC
 * (space, tab, line feed, carriage return). Rejected, with a {@link JsonException} whose
 * {@link JsonException.Reason} says why:
 * <ul>
 * <li>bytes that are not valid UTF-8 (overlong forms, encoded surrogates, values above U+10FFFF,
 *     truncated sequences), and text with unpaired surrogates: {@code INVALID_UTF8};</li>
 * <li>a byte order mark, comments, trailing commas, single quotes, {@code NaN} and
 *     {@code Infinity}, leading zeros, {@code +} signs, control characters in strings, unknown
 *     escapes, unpaired surrogate escapes, any other deviation: {@code SYNTAX};</li>
 * <li>anything but whitespace after the value: {@code TRAILING_DATA};</li>
 * <li>two members of one object with the same name (compared after unescaping):
 *     {@code DUPLICATE_KEY};</li>
 * <li>input beyond the {@link JsonLimits}: {@code TOO_LARGE}, {@code TOO_DEEP},
 *     {@code STRING_TOO_LONG}, {@code TOO_MANY_MEMBERS}; numbers beyond the bounds of
 *     {@link JsonNumber}: {@code NUMBER_TOO_LONG}, {@code OUT_OF_RANGE}.</li>
 * </ul>
 * Limits are checked while reading, before more than the limited amount is built. No other
 * exception escapes for any content of the input; the only runtime exception is
 * {@link NullPointerException} for {@code null} arguments.
 *
 * <p>Objects and arrays in the result carry their path in the document ({@code $} for the root)
 * for the messages of their typed accessors. Thread-safe: each call is independent.
 *
 * @since 1.0
 */
public final class JsonParser {

    private JsonParser() {
    }

    /**
     * @param utf8   the document as UTF-8 bytes, without byte order mark
     * @param limits the bounds to enforce
     * @return the value the document holds
     * @throws JsonException if the document is not strict JSON or exceeds the limits
     */
    public static JsonValue parse(byte[] utf8, JsonLimits limits) throws JsonException {
        Objects.requireNonNull(utf8, "utf8");
        Objects.requireNonNull(limits, "limits");
        CharBuffer chars = Utf8Input.decode(utf8, limits);
        return new TextParser(chars.array(), chars.limit(), limits).parseDocument();
    }

    /**
     * @param text   the document; its size is measured in UTF-8 bytes for {@link JsonLimits#maxBytes()}
     * @param limits the bounds to enforce
     * @return the value the document holds
     * @throws JsonException if the document is not strict JSON or exceeds the limits
     */
    public static JsonValue parse(String text, JsonLimits limits) throws JsonException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        Utf8Input.checkSize(text, limits);
        return new TextParser(text.toCharArray(), text.length(), limits).parseDocument();
    }

    /**
     * Parses a document that must be an object, as manifests, policies and commands are.
     *
     * @param utf8   the document as UTF-8 bytes
     * @param limits the bounds to enforce
     * @return the root object, at path {@code $}
     * @throws JsonException as {@link #parse(byte[], JsonLimits)}, or
     *                       {@link JsonException.Reason#WRONG_TYPE} if the value is not an object
     */
    public static JsonObject parseObject(byte[] utf8, JsonLimits limits) throws JsonException {
        return Expect.object(parse(utf8, limits), JsonPath.ROOT);
    }

    /**
     * Parses a document that must be an object.
     *
     * @param text   the document
     * @param limits the bounds to enforce
     * @return the root object, at path {@code $}
     * @throws JsonException as {@link #parse(String, JsonLimits)}, or
     *                       {@link JsonException.Reason#WRONG_TYPE} if the value is not an object
     */
    public static JsonObject parseObject(String text, JsonLimits limits) throws JsonException {
        return Expect.object(parse(text, limits), JsonPath.ROOT);
    }
}
