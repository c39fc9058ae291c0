package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.json.Inputs.parse;
import static org.redoubt.json.Inputs.parseUtf8;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParseValidTest {

    @Test
    void literals() throws JsonException {
        assertSame(JsonBoolean.TRUE, parse("true"));
        assertSame(JsonBoolean.FALSE, parse("false"));
        assertSame(JsonNull.INSTANCE, parse("null"));
    }

    @Test
    void plainString() throws JsonException {
        assertEquals(new JsonString("hello"), parse("\"hello\""));
        assertEquals(new JsonString(""), parse("\"\""));
    }

    @Test
    void everyShortEscape() throws JsonException {
        assertEquals(new JsonString("\" \\ / \b \f \n \r \t"), parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
    }

    @Test
    void unicodeEscapes() throws JsonException {
        assertEquals(new JsonString("A\u00e9\u20ac\u0000"), parse("\"\\u0041\\u00E9\\u20ac\\u0000\""));
        assertEquals(new JsonString("\uD834\uDD1E"), parse("\"\\uD834\\uDD1E\""), "G clef as surrogate pair");
        assertEquals(new JsonString("x\uDBFF\uDFFFy"), parse("\"x\\udbff\\udfffy\""), "U+10FFFF");
    }

    @Test
    void escapesMixedWithPlainRuns() throws JsonException {
        assertEquals(new JsonString("ab\ncd\tef"), parse("\"ab\\ncd\\tef\""));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0", "-0, 0", "7, 7", "-12, -12", "1.5, 1.5", "-0.25, -0.25", "1e3, 1000", "1E+3, 1000",
        "25e-2, 0.25", "0.0, 0", "9223372036854775807, 9223372036854775807",
        "123456789012345678901234567890, 123456789012345678901234567890"
    })
    void numbers(String text, String expected) throws JsonException {
        JsonNumber number = assertInstanceOf(JsonNumber.class, parse(text));
        assertEquals(0, new BigDecimal(expected).compareTo(number.bigDecimalValue()), text);
        assertEquals(text, number.text(), "exact text is kept");
    }

    @Test
    void emptyContainers() throws JsonException {
        assertEquals(JsonObject.empty(), parse("{}"));
        assertEquals(JsonArray.of(), parse("[]"));
        assertEquals(JsonArray.of(JsonObject.empty(), JsonArray.of()), parse("[{},[]]"));
    }

    @Test
    void objectKeepsInsertionOrder() throws JsonException {
        JsonObject object = assertInstanceOf(JsonObject.class, parse("{\"z\":1,\"a\":2,\"m\":3}"));
        assertEquals(List.of("z", "a", "m"), List.copyOf(object.names()));
    }

    @Test
    void nestedDocument() throws JsonException {
        JsonValue value = parse("{\"release\":\"2026.1\",\"bundles\":[{\"id\":\"a\",\"start\":1,"
                + "\"digest\":\"00ff\"},{\"id\":\"b\",\"start\":2,\"optional\":true}],\"meta\":null}");
        JsonObject expected = JsonObject.builder()
                .put("release", "2026.1")
                .put("bundles", JsonArray.of(
                        JsonObject.builder().put("id", "a").put("start", 1).put("digest", "00ff").build(),
                        JsonObject.builder().put("id", "b").put("start", 2).put("optional", true).build()))
                .putNull("meta")
                .build();
        assertEquals(expected, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1", "1 ", "\t\n\r 1 \r\n\t", " [ 1 , 2 ] ", "{ \"a\" : [ ] , \"b\" : { } }"})
    void rfcWhitespaceAnywhereBetweenTokens(String text) throws JsonException {
        JsonValue withoutWhitespace = parse(text.replaceAll("[ \t\n\r]", ""));
        assertEquals(withoutWhitespace, parse(text));
    }

    @Test
    void nonAsciiTextSurvives() throws JsonException {
        String text = "{\"caf\u00e9\":\"\u65e5\u672c \uD83D\uDE00\"}";
        JsonObject object = assertInstanceOf(JsonObject.class, parseUtf8(text));
        assertEquals("\u65e5\u672c \uD83D\uDE00", object.requireString("caf\u00e9"));
        assertEquals(object, parse(text));
    }

    @Test
    void escapedNamesAreUnescapedBeforeUse() throws JsonException {
        JsonObject object = Inputs.object("{\"\\u0061b\":1}");
        assertTrue(object.has("ab"));
    }

    @Test
    void parseObjectReturnsTheRoot() throws JsonException {
        JsonObject root = JsonParser.parseObject("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                JsonLimits.DEFAULT);
        assertEquals("$", root.path());
        assertEquals(1, root.requireInt("a"));
    }
}
