package org.redoubt.json;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An immutable JSON value: one of {@link JsonObject}, {@link JsonArray}, {@link JsonString},
 * {@link JsonNumber}, {@link JsonBoolean} or {@link JsonNull}.
 *
 * <p>Every value is well-formed: strings and member names are well-formed Unicode, numbers are
 * within the bounds of {@link JsonNumber}, and containers are nested at most
 * {@link JsonLimits#MAX_DEPTH} deep. So any value can be written by {@link JsonWriter} and read
 * back by {@link JsonParser} (given large enough {@link JsonLimits}) to an equal value.
 *
 * <p>Values are compared by content: see the {@code equals} of each implementation.
 * {@code toString()} returns the compact JSON text of the value.
 *
 * @since 1.0
 */
@ProviderType
public sealed interface JsonValue
        permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {
}
