package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

/** Shorthands shared by the tests. */
final class Inputs {

    private Inputs() {
    }

    static JsonValue parse(String text) throws JsonException {
        return JsonParser.parse(text, JsonLimits.DEFAULT);
    }

    static JsonValue parseUtf8(String text) throws JsonException {
        return JsonParser.parse(text.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
    }

    static JsonObject object(String text) throws JsonException {
        return JsonParser.parseObject(text, JsonLimits.DEFAULT);
    }

    /** Parses {@code text} as UTF-8 bytes and as a string and expects both to fail. */
    static JsonException rejected(String text, JsonLimits limits) {
        JsonException fromBytes = assertThrows(JsonException.class,
                () -> JsonParser.parse(text.getBytes(StandardCharsets.UTF_8), limits), text);
        JsonException fromText = assertThrows(JsonException.class, () -> JsonParser.parse(text, limits), text);
        assertEquals(fromBytes.reason(), fromText.reason(), text);
        return fromText;
    }

    static JsonException rejected(String text) {
        return rejected(text, JsonLimits.DEFAULT);
    }

    static JsonException rejectedBytes(int... bytes) {
        byte[] input = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            input[i] = (byte) bytes[i];
        }
        return assertThrows(JsonException.class, () -> JsonParser.parse(input, JsonLimits.DEFAULT));
    }

    static JsonValue parseBytes(int... bytes) throws JsonException {
        byte[] input = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            input[i] = (byte) bytes[i];
        }
        return JsonParser.parse(input, JsonLimits.DEFAULT);
    }
}
