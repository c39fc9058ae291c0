package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.redoubt.json.Inputs.parseBytes;
import static org.redoubt.json.Inputs.rejectedBytes;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Strict UTF-8 for byte input, well-formed UTF-16 for text input. */
class Utf8Test {

    private static final int Q = '"';

    @Test
    void validSequencesOfEveryLength() throws JsonException {
        assertEquals(new JsonString("A"), parseBytes(Q, 0x41, Q));
        assertEquals(new JsonString("\u00e9"), parseBytes(Q, 0xC3, 0xA9, Q));
        assertEquals(new JsonString("\u20ac"), parseBytes(Q, 0xE2, 0x82, 0xAC, Q));
        assertEquals(new JsonString("\uD83D\uDE00"), parseBytes(Q, 0xF0, 0x9F, 0x98, 0x80, Q));
    }

    @Test
    void boundaryCodePoints() throws JsonException {
        assertEquals(new JsonString("\u0080"), parseBytes(Q, 0xC2, 0x80, Q), "smallest 2-byte");
        assertEquals(new JsonString("\u07ff"), parseBytes(Q, 0xDF, 0xBF, Q), "largest 2-byte");
        assertEquals(new JsonString("\u0800"), parseBytes(Q, 0xE0, 0xA0, 0x80, Q), "smallest 3-byte");
        assertEquals(new JsonString("\ud7ff"), parseBytes(Q, 0xED, 0x9F, 0xBF, Q), "just below surrogates");
        assertEquals(new JsonString("\ue000"), parseBytes(Q, 0xEE, 0x80, 0x80, Q), "just above surrogates");
        assertEquals(new JsonString("\uffff"), parseBytes(Q, 0xEF, 0xBF, 0xBF, Q), "noncharacter U+FFFF is valid UTF-8");
        assertEquals(new JsonString("\uD800\uDC00"), parseBytes(Q, 0xF0, 0x90, 0x80, 0x80, Q), "U+10000");
        assertEquals(new JsonString("\uDBFF\uDFFF"), parseBytes(Q, 0xF4, 0x8F, 0xBF, 0xBF, Q), "U+10FFFF");
    }

    @Test
    void overlongFormsAreRejected() {
        assertInvalid(rejectedBytes(Q, 0xC0, 0xAF, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xC1, 0xBF, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xE0, 0x80, 0xAF, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xF0, 0x80, 0x80, 0xAF, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xC0, 0x80, Q), 1);
    }

    @Test
    void encodedSurrogatesAreRejected() {
        assertInvalid(rejectedBytes(Q, 0xED, 0xA0, 0x80, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xED, 0xBF, 0xBF, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, Q), 1);
    }

    @Test
    void codePointsAboveUnicodeAreRejected() {
        assertInvalid(rejectedBytes(Q, 0xF4, 0x90, 0x80, 0x80, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xF5, 0x80, 0x80, 0x80, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xF8, 0x88, 0x80, 0x80, 0x80, Q), 1);
    }

    @Test
    void invalidBytesAreRejected() {
        assertInvalid(rejectedBytes(Q, 0xFE, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xFF, Q), 1);
        assertInvalid(rejectedBytes(Q, 0x80, Q), 1);
        assertInvalid(rejectedBytes(Q, 'a', 0xBF, Q), 2);
    }

    @Test
    void truncatedSequencesAreRejected() {
        assertInvalid(rejectedBytes(Q, 0xE2, 0x82, Q), 1);
        assertInvalid(rejectedBytes(Q, 0xC3), 1);
        assertInvalid(rejectedBytes(Q, 0xF0, 0x9F, 0x98), 1);
    }

    @Test
    void invalidBytesOutsideStringsAreRejectedToo() {
        assertInvalid(rejectedBytes('[', '1', ',', 0xC0, 0x80, ']'), 3);
    }

    @Test
    void byteErrorsWinOverSyntaxErrors() {
        // The whole input is decoded first, so an invalid byte after a syntax error is what is reported.
        assertInvalid(rejectedBytes('x', 0xFF), 1);
    }

    @Test
    void unpairedSurrogateInTextInputIsRejected() {
        JsonException high = assertThrows(JsonException.class, () -> Inputs.parse("\"a\uD800b\""));
        assertEquals(JsonException.Reason.INVALID_UTF8, high.reason());
        assertEquals(OptionalInt.of(2), high.offset());
        JsonException low = assertThrows(JsonException.class, () -> Inputs.parse("\"\uDC00\""));
        assertEquals(JsonException.Reason.INVALID_UTF8, low.reason());
        JsonException atEnd = assertThrows(JsonException.class, () -> Inputs.parse("\"\uD800"));
        assertEquals(JsonException.Reason.INVALID_UTF8, atEnd.reason());
    }

    @Test
    void literalHighSurrogateCannotPairWithAnEscape() {
        JsonException e = assertThrows(JsonException.class, () -> Inputs.parse("\"" + (char) 0xD834 + "\\uDD1E\""));
        assertEquals(JsonException.Reason.INVALID_UTF8, e.reason());
    }

    @Test
    void pairedSurrogatesInTextInputAreFine() throws JsonException {
        assertEquals(new JsonString("\uD834\uDD1E"), Inputs.parse("\"\uD834\uDD1E\""));
    }

    private static void assertInvalid(JsonException e, int byteOffset) {
        assertEquals(JsonException.Reason.INVALID_UTF8, e.reason(), e.getMessage());
        assertEquals(OptionalInt.of(byteOffset), e.offset(), e.getMessage());
    }
}
