package org.redoubt.json;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A JSON document was rejected: it is not strict RFC 8259 JSON, it exceeds the
 * {@link JsonLimits}, or it does not have the shape a typed accessor asked for.
 *
 * <p>This always means bad input, never a broken environment. The {@link #reason()} is stable and
 * meant for machines (an acknowledgement, a counter); the message is for people and names where
 * the problem is: a character {@link #offset()} for parse errors, a {@link #path()} such as
 * {@code $.bundles[3].digest} for access errors. Messages never echo member names or string
 * content raw: names are escaped and shortened.
 *
 * @since 1.0
 */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Why a document was rejected. The names are stable.
     *
     * @since 1.0
     */
    public enum Reason {
        /** The text is not JSON: an unexpected character, a missing token, a control character in a string, a bad escape. */
        SYNTAX,
        /** The input has more bytes than {@link JsonLimits#maxBytes()}. */
        TOO_LARGE,
        /** Objects and arrays are nested deeper than {@link JsonLimits#maxDepth()}. */
        TOO_DEEP,
        /** An object has two members with the same name. */
        DUPLICATE_KEY,
        /** A string or member name is longer than {@link JsonLimits#maxStringLength()}. */
        STRING_TOO_LONG,
        /** A number is longer than {@link JsonNumber#MAX_TEXT_LENGTH} characters. */
        NUMBER_TOO_LONG,
        /** An object or array has more than {@link JsonLimits#maxMembers()} members or elements. */
        TOO_MANY_MEMBERS,
        /** The bytes are not valid UTF-8, or a string given as text has an unpaired surrogate. */
        INVALID_UTF8,
        /** Something other than whitespace follows the JSON value. */
        TRAILING_DATA,
        /** A value has another type than the accessor asked for ({@code null} counts as a type). */
        WRONG_TYPE,
        /** A required member or array element is absent. */
        MISSING_MEMBER,
        /** An object has a member that is not in the allowed set. */
        UNKNOWN_MEMBER,
        /**
         * A number is outside what was asked for: not an integer in the range of the requested
         * type, or (when parsing) outside the bounds of {@link JsonNumber}.
         */
        OUT_OF_RANGE,
        /**
         * A value has the right type but the document's own rules do not allow it; raised by
         * callers through {@link JsonObject#invalid(String, String)} and
         * {@link JsonArray#invalid(int, String)}.
         */
        INVALID_VALUE
    }

    private final Reason reason;
    private final int offset;
    private final String path;

    /** A parse error at {@code offset}, or without position when {@code offset} is negative. */
    JsonException(Reason reason, int offset, String detail) {
        this(reason, offset, null, detail, null);
    }

    /** A parse error at {@code offset} caused by {@code cause}. */
    JsonException(Reason reason, int offset, String detail, Throwable cause) {
        this(reason, offset, null, detail, cause);
    }

    /** An access error at {@code path}, or without position when {@code path} is {@code null}. */
    JsonException(Reason reason, JsonPath path, String detail) {
        this(reason, -1, path == null ? null : path.toString(), detail, null);
    }

    /** An access error at {@code path} caused by {@code cause}. */
    JsonException(Reason reason, JsonPath path, String detail, Throwable cause) {
        this(reason, -1, path == null ? null : path.toString(), detail, cause);
    }

    private JsonException(Reason reason, int offset, String path, String detail, Throwable cause) {
        super(message(detail, offset, path), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.offset = Math.max(offset, -1);
        this.path = path;
    }

    private static String message(String detail, int offset, String path) {
        if (path != null) {
            return detail + " at " + path;
        }
        return offset >= 0 ? detail + " at offset " + offset : detail;
    }

    /** @return why the document was rejected */
    public Reason reason() {
        return reason;
    }

    /**
     * @return for a parse error, the zero-based position of the problem: a byte offset for
     *         {@link Reason#INVALID_UTF8} in byte input, otherwise a {@code char} offset in the
     *         (decoded) text; empty for access errors and for {@link Reason#TOO_LARGE}
     */
    public OptionalInt offset() {
        return offset >= 0 ? OptionalInt.of(offset) : OptionalInt.empty();
    }

    /**
     * @return for an access error, the path of the offending value, such as
     *         {@code $.bundles[3].digest}; empty for parse errors
     */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
