package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.redoubt.json.Inputs.rejected;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final JsonLimits SMALL = new JsonLimits(64, 3, 5, 4);

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(new JsonLimits(1 << 20, 32, 65536, 10_000), JsonLimits.DEFAULT);
    }

    @Test
    void constructorRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> JsonLimits.DEFAULT.withMaxDepth(JsonLimits.MAX_DEPTH + 1));
        assertEquals(JsonLimits.MAX_DEPTH, JsonLimits.DEFAULT.withMaxDepth(JsonLimits.MAX_DEPTH).maxDepth());
    }

    @Test
    void withersReplaceOneBound() {
        JsonLimits limits = JsonLimits.DEFAULT.withMaxBytes(10).withMaxStringLength(2).withMaxMembers(3);
        assertEquals(new JsonLimits(10, 32, 2, 3), limits);
    }

    @Test
    void tenThousandOpeningBracketsAreTooDeepNotAStackOverflow() {
        JsonException e = rejected("[".repeat(10_000));
        assertEquals(JsonException.Reason.TOO_DEEP, e.reason());
        assertEquals(OptionalInt.of(32), e.offset());
    }

    @Test
    void deepObjectsAreTooDeep() {
        assertEquals(JsonException.Reason.TOO_DEEP, rejected("{\"a\":".repeat(10_000)).reason());
    }

    @Test
    void deepNestingAtTheCeilingIsRejectedCleanly() {
        JsonLimits deepest = JsonLimits.DEFAULT.withMaxDepth(JsonLimits.MAX_DEPTH).withMaxBytes(1 << 22);
        String text = "[{\"a\":".repeat(200_000);
        assertEquals(JsonException.Reason.TOO_DEEP, rejected(text, deepest).reason());
    }

    @Test
    void depthUpToTheLimitIsAccepted() throws JsonException {
        JsonValue value = JsonParser.parse("[[[1]]]", SMALL);
        assertEquals("[[[1]]]", JsonWriter.compact().write(value));
        assertEquals(JsonException.Reason.TOO_DEEP, rejected("[[[[1]]]]", SMALL).reason());
        assertEquals(JsonException.Reason.TOO_DEEP, rejected("{\"a\":[{\"b\":{}}]}", SMALL).reason());
    }

    @Test
    void maxDepthAtTheCeilingParsesAndWrites() throws JsonException {
        JsonLimits deepest = JsonLimits.DEFAULT.withMaxDepth(JsonLimits.MAX_DEPTH);
        String text = "[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH);
        JsonValue value = JsonParser.parse(text, deepest);
        assertEquals(text, JsonWriter.compact().write(value));
        assertEquals(value, JsonParser.parse(text, deepest));
    }

    @Test
    void inputSizeIsCheckedInBytes() throws JsonException {
        JsonLimits tiny = JsonLimits.DEFAULT.withMaxBytes(4);
        assertInstanceOf(JsonString.class, JsonParser.parse("\"\u00e9\"", tiny), "4 bytes in UTF-8");
        JsonException fromText = assertThrows(JsonException.class, () -> JsonParser.parse("\"\u20ac\"", tiny));
        assertEquals(JsonException.Reason.TOO_LARGE, fromText.reason(), "5 bytes in UTF-8, 3 chars");
        JsonException fromBytes = assertThrows(JsonException.class,
                () -> JsonParser.parse("\"\u20ac\"".getBytes(StandardCharsets.UTF_8), tiny));
        assertEquals(JsonException.Reason.TOO_LARGE, fromBytes.reason());
        assertEquals(OptionalInt.empty(), fromBytes.offset());
    }

    @Test
    void surrogatePairsCountFourBytes() throws JsonException {
        JsonLimits six = JsonLimits.DEFAULT.withMaxBytes(6);
        assertInstanceOf(JsonString.class, JsonParser.parse("\"\uD83D\uDE00\"", six));
        assertEquals(JsonException.Reason.TOO_LARGE, rejected(" \"\uD83D\uDE00\"", six).reason());
    }

    @Test
    void sizeIsCheckedBeforeAnythingElse() {
        assertEquals(JsonException.Reason.TOO_LARGE, rejected("[".repeat(65), SMALL).reason());
    }

    @Test
    void stringLengthCountsUnescapedChars() throws JsonException {
        assertEquals(new JsonString("abcde"), JsonParser.parse("\"abcde\"", SMALL));
        assertEquals(new JsonString("\n\n\n\n\n"), JsonParser.parse("\"\\n\\n\\n\\n\\n\"", SMALL));
        assertEquals(JsonException.Reason.STRING_TOO_LONG, rejected("\"abcdef\"", SMALL).reason());
        assertEquals(JsonException.Reason.STRING_TOO_LONG, rejected("\"abcd\\u0041\\u0041\"", SMALL).reason());
        assertEquals(JsonException.Reason.STRING_TOO_LONG, rejected("\"abcd\\uD83D\\uDE00\"", SMALL).reason());
    }

    @Test
    void memberNamesAreStringsToo() {
        JsonException e = rejected("{\"abcdef\":1}", SMALL);
        assertEquals(JsonException.Reason.STRING_TOO_LONG, e.reason());
        assertEquals(OptionalInt.of(1), e.offset());
    }

    @Test
    void overlongStringIsRejectedBeforeItsEnd() {
        // No closing quote: a parser that read to the end first would report SYNTAX instead.
        JsonException e = rejected("\"" + "a".repeat(50), SMALL);
        assertEquals(JsonException.Reason.STRING_TOO_LONG, e.reason());
    }

    @Test
    void membersPerObject() throws JsonException {
        assertEquals(4, JsonParser.parseObject("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", SMALL).size());
        JsonException e = rejected("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}", SMALL);
        assertEquals(JsonException.Reason.TOO_MANY_MEMBERS, e.reason());
        assertEquals(OptionalInt.of(25), e.offset());
    }

    @Test
    void elementsPerArray() throws JsonException {
        assertEquals(4, ((JsonArray) JsonParser.parse("[1,2,3,4]", SMALL)).size());
        assertEquals(JsonException.Reason.TOO_MANY_MEMBERS, rejected("[1,2,3,4,5]", SMALL).reason());
        assertEquals(JsonException.Reason.TOO_MANY_MEMBERS, rejected("[1,2,3,4,5", SMALL).reason(),
                "rejected when crossed, before the end");
    }

    @Test
    void memberLimitIsPerContainer() throws JsonException {
        JsonValue value = JsonParser.parse("[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]", SMALL);
        assertEquals(4, ((JsonArray) value).size());
    }

    @Test
    void maxSizedDefaultDocumentParses() throws JsonException {
        StringBuilder text = new StringBuilder("[");
        while (text.length() + 905 < JsonLimits.DEFAULT.maxBytes()) {
            text.append("\"").append("x".repeat(900)).append("\",");
        }
        text.append("1]");
        JsonArray array = assertInstanceOf(JsonArray.class, Inputs.parseUtf8(text.toString()));
        assertEquals(JsonException.Reason.TOO_MANY_MEMBERS,
                rejected(text.toString(), JsonLimits.DEFAULT.withMaxMembers(array.size() - 1)).reason());
    }
}
