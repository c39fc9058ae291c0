package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.json.Inputs.rejected;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParseRejectTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "[", "]", "}", "[1,]", "{\"a\":1,}", "[,1]", "{,}", "[1 2]", "{\"a\" 1}", "{\"a\"}",
        "{a:1}", "{'a':1}", "['a']", "{1:1}", "[1,,2]", "// c\n1", "/* c */ 1", "#1",
        "NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "1.e3", "1e", "1e+", "-", "--1", "01", "-01", "00",
        "tru", "True", "nul", "NULL", "fals", "undefined",
        "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\U0041\"", "\"\\'\"", "\"a\tb\"", "\"a\nb\"",
        "\"\u0000\"", "\"\u001f\"",
        "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800x\"", "\"\\uD800\\u0041\"", "\"\\uD800\\uD800\"", "\"\\uDC00\\uD800\"",
        "\"\\u\uff10\uff10\uff10\uff10\"", "[\uff11]", "\u00a01", "\u20281", "\f1", "\u000b1", "\uFEFF1", "\uFEFF{}"
    })
    void syntax(String text) {
        assertEquals(JsonException.Reason.SYNTAX, rejected(text).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 2", "{} {}", "[]]", "{}}", "truex", "nullnull", "\"a\"\"b\"", "1 x", "0 1", "[] ,", "[1]/**/", "[1] // c", "0x10"})
    void trailingData(String text) {
        assertEquals(JsonException.Reason.TRAILING_DATA, rejected(text).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":1}", "{\"a\":1,\"\\u0061\":2}",
        "[{\"x\":{\"k\":1,\"k\":1}}]"})
    void duplicateKey(String text) {
        assertEquals(JsonException.Reason.DUPLICATE_KEY, rejected(text).reason());
    }

    @Test
    void sameNameInDifferentObjectsIsFine() throws JsonException {
        assertEquals(2, Inputs.object("{\"a\":{\"a\":1},\"b\":{\"a\":2}}").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e-2147483649", "1e1001", "1e-1001", "0.5e-1000"})
    void numberOutOfRange(String text) {
        assertEquals(JsonException.Reason.OUT_OF_RANGE, rejected(text).reason());
    }

    @Test
    void numberAtTheBoundsIsAccepted() throws JsonException {
        assertEquals(JsonNumber.of(new java.math.BigDecimal("1e1000")), Inputs.parse("1e1000"));
        assertEquals(JsonNumber.of(new java.math.BigDecimal("1e-1000")), Inputs.parse("1e-1000"));
        String longest = "1".repeat(JsonNumber.MAX_TEXT_LENGTH);
        assertEquals(longest, ((JsonNumber) Inputs.parse(longest)).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "fraction", "exponent"})
    void numberTooLong(String part) {
        String digits = "1".repeat(JsonNumber.MAX_TEXT_LENGTH);
        String text = switch (part) {
            case "integer" -> digits + "1";
            case "fraction" -> "0." + digits;
            default -> "1e" + digits;
        };
        assertEquals(JsonException.Reason.NUMBER_TOO_LONG, rejected("[" + text + "]").reason());
    }

    @Test
    void syntaxErrorNamesTheOffset() {
        JsonException e = rejected("{\"a\":1,\"b\":tru}");
        assertEquals(OptionalInt.of(11), e.offset());
        assertTrue(e.getMessage().contains("at offset 11"), e.getMessage());
        assertTrue(e.path().isEmpty());
    }

    @Test
    void trailingCommaIsNamed() {
        JsonException e = rejected("[1,2,]");
        assertEquals(OptionalInt.of(5), e.offset());
        assertTrue(e.getMessage().contains("trailing comma"), e.getMessage());
    }

    @Test
    void leadingZeroIsNamed() {
        JsonException e = rejected("[007]");
        assertTrue(e.getMessage().contains("leading zero"), e.getMessage());
    }

    @Test
    void duplicateKeyNamesTheMemberAndOffset() {
        JsonException e = rejected("{\"x\":{\"k\":1,\"k\":2}}");
        assertEquals(OptionalInt.of(12), e.offset());
        assertTrue(e.getMessage().contains("$.x.k"), e.getMessage());
    }

    @Test
    void controlCharacterIsShownAsCodePoint() {
        JsonException e = rejected("\"a\u0007\"");
        assertTrue(e.getMessage().contains("U+0007"), e.getMessage());
        assertEquals(OptionalInt.of(2), e.offset());
    }

    @Test
    void byteOrderMarkIsNamed() {
        JsonException e = Inputs.rejectedBytes(0xEF, 0xBB, 0xBF, '1');
        assertEquals(JsonException.Reason.SYNTAX, e.reason());
        assertTrue(e.getMessage().contains("byte order mark"), e.getMessage());
    }

    @Test
    void unterminatedStringPointsAtItsStart() {
        JsonException e = rejected("[\"abc");
        assertEquals(JsonException.Reason.SYNTAX, e.reason());
        assertEquals(OptionalInt.of(1), e.offset());
    }
}
