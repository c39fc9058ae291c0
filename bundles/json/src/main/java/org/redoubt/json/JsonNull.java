package org.redoubt.json;

/**
 * The JSON literal {@code null}. A member whose value is {@code null} is present: the typed
 * accessors of {@link JsonObject} treat it as a value of the wrong type, not as a missing member.
 *
 * @since 1.0
 */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    /** @return {@code "null"}, the JSON text */
    @Override
    public String toString() {
        return "null";
    }
}
