package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static final JsonObject DOC = JsonObject.builder()
            .put("name", "core")
            .put("n", 3L)
            .put("list", JsonArray.of(JsonNumber.of(1), JsonString.of("two"), JsonObject.empty(), JsonArray.of()))
            .put("o", JsonObject.builder().put("ok", true).putNull("none").build())
            .build();

    @Test
    void compactHasNoWhitespace() {
        assertEquals("{\"name\":\"core\",\"n\":3,\"list\":[1,\"two\",{},[]],\"o\":{\"ok\":true,\"none\":null}}",
                JsonWriter.compact().write(DOC));
    }

    @Test
    void indentedUsesTwoSpaces() {
        String expected = String.join("\n",
                "{",
                "  \"name\": \"core\",",
                "  \"n\": 3,",
                "  \"list\": [",
                "    1,",
                "    \"two\",",
                "    {},",
                "    []",
                "  ],",
                "  \"o\": {",
                "    \"ok\": true,",
                "    \"none\": null",
                "  }",
                "}");
        assertEquals(expected, JsonWriter.indented().write(DOC));
    }

    @Test
    void scalarsAtTheRoot() {
        assertEquals("null", JsonWriter.indented().write(JsonNull.INSTANCE));
        assertEquals("\"x\"", JsonWriter.indented().write(JsonString.of("x")));
        assertEquals("[]", JsonWriter.indented().write(JsonArray.of()));
    }

    @Test
    void escapingIsMinimal() {
        String text = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u00e9\u2028\uD83D\uDE00";
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u007f\u00e9\u2028\uD83D\uDE00\"",
                JsonWriter.compact().write(JsonString.of(text)));
    }

    @Test
    void namesAreEscapedLikeStrings() {
        assertEquals("{\"a\\\"b\\u001b\":1}",
                JsonWriter.compact().write(JsonObject.builder().put("a\"b\u001b", 1).build()));
    }

    @Test
    void nonAsciiIsWrittenAsUtf8() {
        assertArrayEquals(new byte[] {'"', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, '"'},
                JsonWriter.compact().writeUtf8(JsonString.of("\u20ac")));
        assertArrayEquals("[\"\uD83D\uDE00\"]".getBytes(StandardCharsets.UTF_8),
                JsonWriter.compact().writeUtf8(JsonArray.builder().add("\uD83D\uDE00").build()));
    }

    @Test
    void numbersAreWrittenFromTheirText() throws JsonException {
        assertEquals("[1.50,1E+3,-0]", JsonWriter.compact().write(Inputs.parse("[1.50,1E+3,-0]")));
        assertEquals("1E+3", JsonWriter.compact().write(JsonNumber.of(new java.math.BigDecimal("1e3"))));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> JsonWriter.compact().write(null));
    }
}
