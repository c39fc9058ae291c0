package org.redoubt.json;

/**
 * The JSON literals {@code true} and {@code false}.
 *
 * @since 1.0
 */
public enum JsonBoolean implements JsonValue {
    /** The literal {@code true}. */
    TRUE,
    /** The literal {@code false}. */
    FALSE;

    /**
     * @param value the Java boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** @return the Java boolean this literal stands for */
    public boolean value() {
        return this == TRUE;
    }

    /** @return {@code "true"} or {@code "false"}, the JSON text */
    @Override
    public String toString() {
        return this == TRUE ? "true" : "false";
    }
}
