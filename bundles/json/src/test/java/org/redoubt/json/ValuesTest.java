package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Equality, numbers and builders. */
class ValuesTest {

    @ParameterizedTest
    @CsvSource({"1, 1.0", "1, 1e0", "1, 10E-1", "0, -0", "0, 0.000", "100, 1e2", "-2.50, -2.5"})
    void numbersAreEqualByValue(String a, String b) throws JsonException {
        JsonValue x = Inputs.parse(a);
        JsonValue y = Inputs.parse(b);
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
    }

    @Test
    void differentNumbersDiffer() throws JsonException {
        assertNotEquals(Inputs.parse("1"), Inputs.parse("1.0000000000000000000001"));
        assertNotEquals(Inputs.parse("1"), Inputs.parse("\"1\""));
    }

    @Test
    void exactIntegerAccessors() throws JsonException {
        assertEquals(Long.MAX_VALUE, ((JsonNumber) Inputs.parse("9223372036854775807")).longValueExact());
        assertEquals(Integer.MIN_VALUE, ((JsonNumber) Inputs.parse("-2147483648")).intValueExact());
        JsonException tooBig = assertThrows(JsonException.class,
                () -> ((JsonNumber) Inputs.parse("9223372036854775808")).longValueExact());
        assertEquals(JsonException.Reason.OUT_OF_RANGE, tooBig.reason());
        assertTrue(tooBig.path().isEmpty());
        assertEquals(JsonException.Reason.OUT_OF_RANGE,
                assertThrows(JsonException.class, () -> ((JsonNumber) Inputs.parse("2147483648")).intValueExact()).reason());
        assertEquals(JsonException.Reason.OUT_OF_RANGE,
                assertThrows(JsonException.class, () -> ((JsonNumber) Inputs.parse("0.5")).intValueExact()).reason());
        assertEquals(JsonException.Reason.OUT_OF_RANGE,
                assertThrows(JsonException.class, () -> ((JsonNumber) Inputs.parse("1e-1000")).longValueExact()).reason());
    }

    @Test
    void numberFactoriesEnforceTheBounds() {
        assertEquals("-7", JsonNumber.of(-7).text());
        assertEquals("0.10", JsonNumber.of(new BigDecimal("0.10")).text());
        assertThrows(IllegalArgumentException.class, () -> JsonNumber.of(new BigDecimal("1e1001")));
        assertThrows(IllegalArgumentException.class, () -> JsonNumber.of(new BigDecimal("9".repeat(129))));
        assertThrows(NullPointerException.class, () -> JsonNumber.of((BigDecimal) null));
    }

    @Test
    void objectEqualityIgnoresMemberOrder() throws JsonException {
        assertEquals(Inputs.parse("{\"a\":1,\"b\":[true]}"), Inputs.parse("{\"b\":[true],\"a\":1.0}"));
        assertEquals(Inputs.parse("{\"a\":1,\"b\":2}").hashCode(), Inputs.parse("{\"b\":2,\"a\":1}").hashCode());
        assertNotEquals(Inputs.parse("{\"a\":1}"), Inputs.parse("{\"a\":1,\"b\":2}"));
    }

    @Test
    void arrayEqualityRespectsOrder() throws JsonException {
        assertNotEquals(Inputs.parse("[1,2]"), Inputs.parse("[2,1]"));
        assertEquals(Inputs.parse("[1,[2]]"), JsonArray.of(JsonNumber.of(1), JsonArray.of(JsonNumber.of(2))));
    }

    @Test
    void builderRejectsDuplicatesAndBadText() {
        JsonObject.Builder builder = JsonObject.builder().put("a", 1);
        assertThrows(IllegalArgumentException.class, () -> builder.put("a", 2));
        assertThrows(IllegalArgumentException.class, () -> builder.put("\uD800", 2));
        assertThrows(IllegalArgumentException.class, () -> builder.put("b", "x\uDC00"));
        assertThrows(NullPointerException.class, () -> builder.put("b", (JsonValue) null));
        assertThrows(NullPointerException.class, () -> builder.put(null, 1));
        assertEquals(1, builder.build().size(), "failed puts leave the builder unchanged");
    }

    @Test
    void buildersCopy() {
        JsonObject.Builder builder = JsonObject.builder().put("a", 1);
        JsonObject first = builder.build();
        builder.put("b", 2);
        assertEquals(1, first.size());
        assertEquals(2, builder.build().size());
        List<JsonValue> source = new ArrayList<>(List.of(JsonNumber.of(1)));
        JsonArray array = JsonArray.of(source);
        source.add(JsonNumber.of(2));
        assertEquals(1, array.size());
    }

    @Test
    void valuesAreUnmodifiable() throws JsonException {
        JsonObject object = Inputs.object("{\"a\":[1]}");
        Map<String, JsonValue> members = object.members();
        assertThrows(UnsupportedOperationException.class, () -> members.put("b", JsonNull.INSTANCE));
        List<JsonValue> elements = object.requireArray("a").elements();
        assertThrows(UnsupportedOperationException.class, () -> elements.add(JsonNull.INSTANCE));
        assertThrows(UnsupportedOperationException.class, () -> object.names().clear());
    }

    @Test
    void nestingIsBoundedForBuiltValuesToo() {
        JsonValue value = JsonNull.INSTANCE;
        for (int i = 0; i < JsonLimits.MAX_DEPTH; i++) {
            value = i % 2 == 0 ? JsonArray.of(value) : JsonObject.builder().put("k", value).build();
        }
        JsonValue deepest = value;
        assertThrows(IllegalArgumentException.class, () -> JsonArray.of(deepest));
        assertThrows(IllegalArgumentException.class, () -> JsonObject.builder().put("k", deepest).build());
        String text = JsonWriter.compact().write(deepest);
        assertTrue(text.startsWith("{\"k\":[{\"k\":"), text.substring(0, 20));
    }

    @Test
    void stringsMustBeWellFormed() {
        assertThrows(IllegalArgumentException.class, () -> JsonString.of("a\uD800"));
        assertThrows(IllegalArgumentException.class, () -> JsonString.of("\uDC00\uD800"));
        assertThrows(NullPointerException.class, () -> JsonString.of(null));
        assertEquals("\uD800\uDC00", JsonString.of("\uD800\uDC00").value());
    }

    @Test
    void booleansAndNull() {
        assertEquals(JsonBoolean.TRUE, JsonBoolean.of(true));
        assertEquals(JsonBoolean.FALSE, JsonBoolean.of(false));
        assertTrue(JsonBoolean.TRUE.value());
        assertEquals("false", JsonBoolean.FALSE.toString());
        assertEquals("null", JsonNull.INSTANCE.toString());
    }
}
