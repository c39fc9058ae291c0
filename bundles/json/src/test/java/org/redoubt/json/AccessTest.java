package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Typed accessors: values when the shape is right, a reason and a path when it is not. */
class AccessTest {

    private static final String MANIFEST = "{\"release\":\"2026.1\",\"serial\":42,\"signed\":true,"
            + "\"bundles\":[{\"id\":\"a\",\"digest\":\"aa\"},{\"id\":\"b\",\"digest\":\"bb\"},"
            + "{\"id\":\"c\",\"digest\":\"cc\"},{\"id\":\"d\",\"digest\":7}],"
            + "\"limits\":{\"big\":12345678901,\"frac\":1.5,\"whole\":2.0,\"sci\":1e2,\"huge\":1e400},"
            + "\"nothing\":null,\"two words\":{\"x\":[]}}";

    private static JsonObject manifest() throws JsonException {
        return Inputs.object(MANIFEST);
    }

    @Test
    void requiredValuesOfEveryType() throws JsonException {
        JsonObject m = manifest();
        assertEquals("2026.1", m.requireString("release"));
        assertEquals(42L, m.requireLong("serial"));
        assertEquals(42, m.requireInt("serial"));
        assertTrue(m.requireBoolean("signed"));
        assertEquals(4, m.requireArray("bundles").size());
        assertEquals(5, m.requireObject("limits").size());
        assertEquals("1.5", m.requireObject("limits").requireNumber("frac").text());
        assertSame(JsonNull.INSTANCE, m.require("nothing"));
        assertEquals(12345678901L, m.requireObject("limits").requireLong("big"));
    }

    @Test
    void integersMayBeWrittenWithFractionOrExponent() throws JsonException {
        JsonObject limits = manifest().requireObject("limits");
        assertEquals(2, limits.requireInt("whole"));
        assertEquals(100L, limits.requireLong("sci"));
    }

    @Test
    void optionalValues() throws JsonException {
        JsonObject m = manifest();
        assertEquals(Optional.of("2026.1"), m.optionalString("release"));
        assertEquals(Optional.empty(), m.optionalString("absent"));
        assertEquals(OptionalLong.of(42), m.optionalLong("serial"));
        assertEquals(OptionalLong.empty(), m.optionalLong("absent"));
        assertEquals(OptionalInt.of(42), m.optionalInt("serial"));
        assertEquals(OptionalInt.empty(), m.optionalInt("absent"));
        assertEquals(Optional.of(true), m.optionalBoolean("signed"));
        assertEquals(Optional.empty(), m.optionalBoolean("absent"));
        assertEquals("$.limits", m.optionalObject("limits").orElseThrow().path());
        assertEquals(Optional.empty(), m.optionalObject("absent"));
        assertEquals("$.bundles", m.optionalArray("bundles").orElseThrow().path());
        assertEquals(Optional.empty(), m.optionalArray("absent"));
    }

    @Test
    void optionalOfTheWrongTypeIsStillAnError() throws JsonException {
        JsonObject m = manifest();
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.serial", () -> m.optionalString("serial"));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.nothing", () -> m.optionalString("nothing"));
        assertRejected(JsonException.Reason.OUT_OF_RANGE, "$.limits.big", () -> m.requireObject("limits").optionalInt("big"));
    }

    @Test
    void missingMemberNamesItsPath() throws JsonException {
        JsonObject m = manifest();
        assertRejected(JsonException.Reason.MISSING_MEMBER, "$.version", () -> m.requireString("version"));
        assertRejected(JsonException.Reason.MISSING_MEMBER, "$.limits.max", () -> m.requireObject("limits").requireLong("max"));
        assertRejected(JsonException.Reason.MISSING_MEMBER, "$.bundles[4]", () -> m.requireArray("bundles").requireObject(4));
        assertRejected(JsonException.Reason.MISSING_MEMBER, "$.bundles[-1]", () -> m.requireArray("bundles").require(-1));
    }

    @Test
    void wrongTypeNamesPathAndTypes() throws JsonException {
        JsonObject m = manifest();
        JsonException e = assertRejected(JsonException.Reason.WRONG_TYPE, "$.bundles[3].digest",
                () -> m.requireArray("bundles").requireObject(3).requireString("digest"));
        assertEquals("expected a string but found a number at $.bundles[3].digest", e.getMessage());
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.release", () -> m.requireLong("release"));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.signed", () -> m.requireString("signed"));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.nothing", () -> m.requireBoolean("nothing"));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.bundles", () -> m.requireObject("bundles"));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.limits", () -> m.requireArray("limits"));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.release", () -> m.requireNumber("release"));
    }

    @Test
    void wrongTypeInListAccessorsNamesTheElement() throws JsonException {
        JsonArray bundles = manifest().requireArray("bundles");
        List<JsonObject> objects = bundles.requireObjects();
        assertEquals("$.bundles[2]", objects.get(2).path());
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.bundles[0]", bundles::requireStrings);
        JsonArray digests = JsonArray.builder().add("a").add(1).build();
        assertRejected(JsonException.Reason.WRONG_TYPE, "$[1]", digests::requireStrings);
    }

    @Test
    void numbersOutOfRangeNameTheirPath() throws JsonException {
        JsonObject limits = manifest().requireObject("limits");
        assertRejected(JsonException.Reason.OUT_OF_RANGE, "$.limits.big", () -> limits.requireInt("big"));
        assertRejected(JsonException.Reason.OUT_OF_RANGE, "$.limits.frac", () -> limits.requireLong("frac"));
        JsonException huge = assertRejected(JsonException.Reason.OUT_OF_RANGE, "$.limits.huge",
                () -> limits.requireLong("huge"));
        assertInstanceOf(ArithmeticException.class, huge.getCause(), "the cause is kept");
    }

    @Test
    void requireOnlyRejectsUnknownMembers() throws JsonException {
        JsonObject bundle = manifest().requireArray("bundles").requireObject(1);
        assertSame(bundle, bundle.requireOnly(Set.of("id", "digest", "start")));
        JsonException e = assertRejected(JsonException.Reason.UNKNOWN_MEMBER, "$.bundles[1].digest",
                () -> bundle.requireOnly(Set.of("id")));
        assertTrue(e.getMessage().contains("digest"), e.getMessage());
    }

    @Test
    void oddNamesAreQuotedEscapedAndShortened() throws JsonException {
        JsonObject m = manifest();
        assertRejected(JsonException.Reason.WRONG_TYPE, "$[\"two words\"].x", () -> m.requireObject("two words").requireString("x"));
        JsonObject odd = Inputs.object("{\"a\\nb\\\"\\u00e9\":{},\"9lives\":1}");
        assertRejected(JsonException.Reason.UNKNOWN_MEMBER, "$[\"a\\u000ab\\\"\\u00e9\"]", () -> odd.requireOnly(Set.of()));
        assertRejected(JsonException.Reason.WRONG_TYPE, "$[\"9lives\"]", () -> odd.requireString("9lives"));
        String longName = "n".repeat(200);
        JsonObject withLongName = JsonObject.builder().put(longName, 1).build();
        JsonException e = assertRejected(JsonException.Reason.UNKNOWN_MEMBER, "$[\"" + "n".repeat(64) + "...\"]",
                () -> withLongName.requireOnly(Set.of()));
        assertTrue(e.getMessage().length() < 120, e.getMessage());
    }

    @Test
    void parsedContainersKnowTheirPath() throws JsonException {
        JsonObject m = manifest();
        assertEquals("$", m.path());
        JsonObject third = (JsonObject) ((JsonArray) m.members().get("bundles")).elements().get(3);
        assertEquals("$.bundles[3]", third.path(), "paths are set while parsing, not only by accessors");
        assertSame(third, m.requireArray("bundles").requireObject(3), "a located value is reused");
        assertEquals("$[\"two words\"].x", ((JsonArray) m.requireObject("two words").get("x").orElseThrow()).path());
    }

    @Test
    void builtValuesTakeTheirPathFromWhereTheyAreReached() throws JsonException {
        JsonObject inner = JsonObject.builder().put("digest", 5).build();
        JsonObject outer = JsonObject.builder().put("bundles", JsonArray.of(JsonObject.empty(), inner)).build();
        assertEquals("$", inner.path());
        assertRejected(JsonException.Reason.WRONG_TYPE, "$.bundles[1].digest",
                () -> outer.requireArray("bundles").requireObject(1).requireString("digest"));
        assertEquals("$", inner.path(), "the original is unchanged");
        assertEquals(inner, outer.requireArray("bundles").requireObject(1), "paths play no part in equality");
    }

    @Test
    void invalidValueErrorsForCallers() throws JsonException {
        JsonObject bundle = manifest().requireArray("bundles").requireObject(0);
        JsonException e = bundle.invalid("digest", "not 64 hex digits");
        assertEquals(JsonException.Reason.INVALID_VALUE, e.reason());
        assertEquals("not 64 hex digits at $.bundles[0].digest", e.getMessage());
        JsonException element = manifest().requireArray("bundles").invalid(2, "revoked");
        assertEquals(Optional.of("$.bundles[2]"), element.path());
    }

    @Test
    void arrayAccessorsOfEveryType() throws JsonException {
        JsonArray a = Inputs.parse("[\"s\",7,true,{},[1],2.5]") instanceof JsonArray array ? array : null;
        assertEquals("s", a.requireString(0));
        assertEquals(7L, a.requireLong(1));
        assertEquals(7, a.requireInt(1));
        assertTrue(a.requireBoolean(2));
        assertEquals("$[3]", a.requireObject(3).path());
        assertEquals("$[4]", a.requireArray(4).path());
        assertEquals("2.5", a.requireNumber(5).text());
        assertRejected(JsonException.Reason.WRONG_TYPE, "$[0]", () -> a.requireBoolean(0));
        assertRejected(JsonException.Reason.OUT_OF_RANGE, "$[5]", () -> a.requireInt(5));
    }

    @Test
    void parseObjectOfAnArrayIsWrongType() {
        JsonException e = assertThrows(JsonException.class, () -> Inputs.object("[]"));
        assertEquals(JsonException.Reason.WRONG_TYPE, e.reason());
        assertEquals(Optional.of("$"), e.path());
    }

    private static JsonException assertRejected(JsonException.Reason reason, String path, Executable access) {
        JsonException e = assertThrows(JsonException.class, access);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Optional.of(path), e.path(), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at " + path), e.getMessage());
        assertEquals(OptionalInt.empty(), e.offset());
        return e;
    }
}
