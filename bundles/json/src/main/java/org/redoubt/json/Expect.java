package org.redoubt.json;

/**
 * The conversions behind the typed accessors of {@link JsonObject} and {@link JsonArray}: each
 * returns the value as the asked-for type or throws a {@link JsonException} naming its path.
 */
final class Expect {

    private Expect() {
    }

    static JsonValue located(JsonValue value, JsonPath at) {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).at(at);
        }
        if (value instanceof JsonArray) {
            return ((JsonArray) value).at(at);
        }
        return value;
    }

    static String string(JsonValue value, JsonPath at) throws JsonException {
        if (value instanceof JsonString) {
            return ((JsonString) value).value();
        }
        throw wrongType("a string", value, at);
    }

    static JsonNumber number(JsonValue value, JsonPath at) throws JsonException {
        if (value instanceof JsonNumber) {
            return (JsonNumber) value;
        }
        throw wrongType("a number", value, at);
    }

    static long longValue(JsonValue value, JsonPath at) throws JsonException {
        return number(value, at).longValueExact(at);
    }

    static int intValue(JsonValue value, JsonPath at) throws JsonException {
        return number(value, at).intValueExact(at);
    }

    static boolean bool(JsonValue value, JsonPath at) throws JsonException {
        if (value instanceof JsonBoolean) {
            return ((JsonBoolean) value).value();
        }
        throw wrongType("a boolean", value, at);
    }

    static JsonObject object(JsonValue value, JsonPath at) throws JsonException {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).at(at);
        }
        throw wrongType("an object", value, at);
    }

    static JsonArray array(JsonValue value, JsonPath at) throws JsonException {
        if (value instanceof JsonArray) {
            return ((JsonArray) value).at(at);
        }
        throw wrongType("an array", value, at);
    }

    static JsonException missing(JsonPath at) {
        return new JsonException(JsonException.Reason.MISSING_MEMBER, at, "missing required value");
    }

    static JsonException invalid(JsonPath at, String detail) {
        return new JsonException(JsonException.Reason.INVALID_VALUE, at, detail);
    }

    private static JsonException wrongType(String expected, JsonValue found, JsonPath at) {
        return new JsonException(JsonException.Reason.WRONG_TYPE, at,
                "expected " + expected + " but found " + Shape.describe(found));
    }
}
