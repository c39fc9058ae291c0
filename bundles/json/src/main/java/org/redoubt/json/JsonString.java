package org.redoubt.json;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the characters after unescaping; never {@code null} and always well-formed
 *              UTF-16 (every surrogate is part of a pair), so that it has an exact UTF-8 form
 * @since 1.0
 */
public record JsonString(String value) implements JsonValue {

    /**
     * Checks the value.
     *
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code value} contains an unpaired surrogate
     */
    public JsonString {
        requireWellFormed(value, "string");
    }

    /**
     * @param value the characters
     * @return a JSON string holding them
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code value} contains an unpaired surrogate
     */
    public static JsonString of(String value) {
        return new JsonString(value);
    }

    /** @return the JSON text of this string, quoted and escaped as {@link JsonWriter} does */
    @Override
    public String toString() {
        return JsonWriter.compact().write(this);
    }

    /**
     * Rejects {@code null} and strings with unpaired surrogates, which have no UTF-8 form.
     *
     * @param text the text to check
     * @param what what the text is, for the message
     * @return {@code text}
     */
    static String requireWellFormed(String text, String what) {
        Objects.requireNonNull(text, what);
        int index = firstUnpairedSurrogate(text);
        if (index >= 0) {
            throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + index);
        }
        return text;
    }

    /** @return the index of the first unpaired surrogate in {@code text}, or -1 if there is none */
    static int firstUnpairedSurrogate(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
