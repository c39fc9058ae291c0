package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** parse(write(v)) equals v, in both forms, from bytes and from text. */
class RoundTripTest {

    static Stream<JsonValue> samples() {
        JsonObject bundle = JsonObject.builder()
                .put("id", "org.redoubt.json")
                .put("version", "1.0.0")
                .put("start", 1)
                .put("digest", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .build();
        return Stream.of(
                JsonNull.INSTANCE,
                JsonBoolean.TRUE,
                JsonBoolean.FALSE,
                JsonString.of(""),
                JsonString.of("plain"),
                JsonString.of("quote \" backslash \\ slash / controls \b\f\n\r\t \u0000 \u0001 \u001f del \u007f"),
                JsonString.of("caf\u00e9 \u65e5\u672c \uD83D\uDE00 \u2028 \uFEFF \uffff"),
                JsonNumber.of(0),
                JsonNumber.of(Long.MIN_VALUE),
                JsonNumber.of(Long.MAX_VALUE),
                JsonNumber.of(new BigDecimal("-1.25E-7")),
                JsonNumber.of(new BigDecimal("1E+1000")),
                JsonNumber.of(new BigDecimal("123456789012345678901234567890.000")),
                JsonObject.empty(),
                JsonArray.of(),
                JsonArray.of(JsonArray.of(JsonArray.of(JsonObject.empty()))),
                JsonObject.builder()
                        .put("release", "2026.1")
                        .put("bundles", JsonArray.of(bundle, bundle))
                        .put("flags", JsonArray.builder().add(true).add(false).addNull().add(3).add("x").build())
                        .put("", "empty name")
                        .put("na\"me\n", JsonObject.builder().put("deep", JsonArray.of(JsonObject.empty())).build())
                        .build());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void compactFromBytes(JsonValue value) throws JsonException {
        byte[] utf8 = JsonWriter.compact().writeUtf8(value);
        assertEquals(value, JsonParser.parse(utf8, JsonLimits.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void indentedFromText(JsonValue value) throws JsonException {
        String text = JsonWriter.indented().write(value);
        assertEquals(value, JsonParser.parse(text, JsonLimits.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writingIsStableAcrossARoundTrip(JsonValue value) throws JsonException {
        for (JsonWriter writer : List.of(JsonWriter.compact(), JsonWriter.indented())) {
            byte[] first = writer.writeUtf8(value);
            byte[] second = writer.writeUtf8(JsonParser.parse(first, JsonLimits.DEFAULT));
            assertArrayEquals(first, second);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void toStringIsTheCompactForm(JsonValue value) {
        assertEquals(JsonWriter.compact().write(value), value.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"b\":1,\"a\":[1.50,-0,2E+3,1e-2,0.0],\"c\":{\"\":\"\\u0000\\\"\\\\\"},\"d\":[true,false,null]}",
        "\"\u00e9\\n\uD83D\uDE00\"", "1.000", "-0.0e+00", "[[],{},[{}]]"
    })
    void compactTextIsReproducedExactly(String text) throws JsonException {
        assertEquals(text, JsonWriter.compact().write(Inputs.parse(text)));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(utf8, JsonWriter.compact().writeUtf8(JsonParser.parse(utf8, JsonLimits.DEFAULT)));
    }
}
