package org.redoubt.json;

import java.math.BigDecimal;

/**
 * A JSON number. It keeps the exact text it was read from (or made from), which
 * {@link JsonWriter} writes back unchanged, and its exact {@link BigDecimal} value; no binary
 * floating point is involved.
 *
 * <p>Bounds, as RFC 8259 section 9 permits: the text is at most {@link #MAX_TEXT_LENGTH}
 * characters and the {@link BigDecimal#scale() scale} of the value lies within
 * &plusmn;{@link #MAX_SCALE}. They keep arithmetic on a hostile number cheap.
 *
 * <p>Equality is numeric, by {@link BigDecimal#compareTo}: {@code 1}, {@code 1.0}, {@code 1e0}
 * and {@code 10E-1} are equal (and have equal hash codes), as are {@code 0} and {@code -0}.
 *
 * @since 1.0
 */
public final class JsonNumber implements JsonValue {

    /** Longest number text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 128;

    /** Largest magnitude of the {@link BigDecimal#scale() scale} of a number. */
    public static final int MAX_SCALE = 1000;

    private final String text;
    private final BigDecimal value;

    private JsonNumber(String text, BigDecimal value) {
        this.text = text;
        this.value = value;
    }

    /**
     * @param value any long
     * @return the number, written as {@link Long#toString(long)}
     */
    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value), BigDecimal.valueOf(value));
    }

    /**
     * @param value the exact value
     * @return the number, written as {@link BigDecimal#toString()} (which may use an exponent)
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if the value is outside the bounds of this class
     */
    public static JsonNumber of(BigDecimal value) {
        String text = value.toString();
        if (text.length() > MAX_TEXT_LENGTH || !hasBoundedScale(value)) {
            throw new IllegalArgumentException("number outside the bounds of JsonNumber: " + abbreviate(text));
        }
        return new JsonNumber(text, value);
    }

    /**
     * Makes a parsed number; the caller has checked {@code text} against the JSON grammar and
     * {@link #MAX_TEXT_LENGTH}.
     *
     * @param offset where the number starts, for the message
     * @throws JsonException {@link JsonException.Reason#OUT_OF_RANGE} if the value is outside the bounds
     */
    static JsonNumber parsed(String text, int offset) throws JsonException {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new JsonException(JsonException.Reason.OUT_OF_RANGE, offset, "number exponent out of range", e);
        }
        if (!hasBoundedScale(value)) {
            throw new JsonException(JsonException.Reason.OUT_OF_RANGE, offset,
                    "number exponent out of range (scale beyond " + MAX_SCALE + ")");
        }
        return new JsonNumber(text, value);
    }

    private static boolean hasBoundedScale(BigDecimal value) {
        return Math.abs((long) value.scale()) <= MAX_SCALE;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** @return the exact text of the number, as it is written */
    public String text() {
        return text;
    }

    /** @return the exact value */
    public BigDecimal bigDecimalValue() {
        return value;
    }

    /**
     * @return the value as a long, if it is an integer (any fraction is zero) in the range of long
     * @throws JsonException {@link JsonException.Reason#OUT_OF_RANGE} otherwise
     */
    public long longValueExact() throws JsonException {
        return longValueExact(null);
    }

    /**
     * @return the value as an int, if it is an integer (any fraction is zero) in the range of int
     * @throws JsonException {@link JsonException.Reason#OUT_OF_RANGE} otherwise
     */
    public int intValueExact() throws JsonException {
        return intValueExact(null);
    }

    /** {@link #longValueExact()} that names {@code at} (may be {@code null}) in its error. */
    long longValueExact(JsonPath at) throws JsonException {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonException(JsonException.Reason.OUT_OF_RANGE, at,
                    "expected an integer in the range of long, found " + abbreviate(text), e);
        }
    }

    /** {@link #intValueExact()} that names {@code at} (may be {@code null}) in its error. */
    int intValueExact(JsonPath at) throws JsonException {
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new JsonException(JsonException.Reason.OUT_OF_RANGE, at,
                    "expected an integer in the range of int, found " + abbreviate(text), e);
        }
    }

    /** @return whether {@code other} is a number with the same value, by {@link BigDecimal#compareTo} */
    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber && value.compareTo(((JsonNumber) other).value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** @return {@link #text()} */
    @Override
    public String toString() {
        return text;
    }
}
