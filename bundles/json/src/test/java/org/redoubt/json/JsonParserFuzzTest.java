package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Parsing untrusted bytes with the default limits: only {@link JsonException} may escape, and an
 * accepted value survives {@code parse(write(v))} unchanged, with a stable compact form.
 *
 * <p>The normal build runs only the committed inputs in {@code JsonParserFuzzTestInputs/parse}
 * (regression mode); {@code -Pfuzz} fuzzes (crypto-bundle/documents/README.md, "Fuzzing").
 */
class JsonParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        JsonValue value;
        try {
            value = JsonParser.parse(input, JsonLimits.DEFAULT);
        } catch (JsonException e) {
            assertNotNull(e.reason(), "a rejection without a reason");
            return;
        }
        byte[] written = JsonWriter.compact().writeUtf8(value);
        // Escapes the writer adds may make the written form longer than the input was.
        JsonLimits limits = JsonLimits.DEFAULT.withMaxBytes(Math.max(JsonLimits.DEFAULT.maxBytes(), written.length));
        JsonValue again;
        try {
            again = JsonParser.parse(written, limits);
        } catch (JsonException e) {
            throw new AssertionError("the written form of an accepted value is rejected: " + e.getMessage(), e);
        }
        assertEquals(value, again);
        assertArrayEquals(written, JsonWriter.compact().writeUtf8(again));
    }
}
