package org.redoubt.shell.internal.screens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.redoubt.driver.keypad.Key;

/** The PIN screens' keys, key by key with explicit times: the modes, multi-tap into the PIN, delete. */
class PinEntryTest {

    private static final long MS = 1_000_000L;
    private final PinEntry entry = new PinEntry();
    private final PinBuffer pin = new PinBuffer(16);
    private long now = 1_000 * MS;

    private boolean press(Key key, long afterMillis) {
        now += afterMillis * MS;
        return entry.key(key, now, pin);
    }

    private void assertPin(String expected) {
        char[] typed = pin.copy();
        try {
            assertArrayEquals(expected.toCharArray(), typed, "the PIN typed");
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    @Test
    void digitsAsBeforeUnlessTheRulesAskForLetters() {
        entry.reset(false);
        assertEquals(InputMode.DIGITS, entry.mode());
        assertFalse(entry.modeShown(), "a numeric PIN screen looks as it did");
        press(Key.DIGIT_2, 0);
        press(Key.DIGIT_2, 100);
        press(Key.DIGIT_0, 100);
        assertPin("220");

        entry.reset(true);
        assertEquals(InputMode.LOWER, entry.mode());
        assertTrue(entry.modeShown());
        assertFalse(press(Key.STAR, 0), "* is not a PIN character");
        assertFalse(press(Key.OK, 0), "OK is the screen's");
    }

    @Test
    void poundGoesThroughAbcUpperCaseAndDigitsAndTheModeShowsOnceLeft() {
        entry.reset(false);
        assertTrue(press(Key.POUND, 0));
        assertEquals(InputMode.LOWER, entry.mode());
        assertTrue(entry.modeShown(), "the user left the digits: the mode shows");
        press(Key.POUND, 0);
        assertEquals(InputMode.UPPER, entry.mode());
        press(Key.POUND, 0);
        assertEquals(InputMode.DIGITS, entry.mode());
        assertFalse(entry.modeShown());
        press(Key.POUND, 0);
        assertEquals(InputMode.LOWER, entry.mode(), "no Chinese mode for a PIN");
        assertPin("");
    }

    @Test
    void lettersByMultiTapAndDigitsInTheSameMode() {
        entry.reset(true);
        press(Key.DIGIT_7, 0);
        press(Key.DIGIT_7, 200);
        press(Key.DIGIT_7, 200); // r
        press(Key.DIGIT_2, 100); // another key: a
        press(Key.DIGIT_2, 1_500); // a pause: a new letter, a
        press(Key.DIGIT_2, 100);
        press(Key.DIGIT_2, 100);
        press(Key.DIGIT_2, 100); // b c 2
        press(Key.DIGIT_1, 100); // 1 and 0 are their digits only (no punctuation, no space),
        press(Key.DIGIT_0, 100);
        press(Key.DIGIT_0, 100); // typed anew at each press however fast
        assertPin("ra2100");

        press(Key.POUND, 0); // ABC
        press(Key.DIGIT_9, 0);
        press(Key.DIGIT_9, 100); // X
        press(Key.RIGHT, 100); // Right closes it
        press(Key.DIGIT_9, 100); // W
        press(Key.POUND, 0); // 123
        press(Key.DIGIT_9, 0);
        press(Key.DIGIT_9, 100);
        assertPin("ra2100XW99");
    }

    @Test
    void deleteTakesTheOpenLetterAndTheNextPressStartsANewOne() {
        entry.reset(true);
        press(Key.DIGIT_4, 0);
        press(Key.DIGIT_3, 100);
        press(Key.DIGIT_3, 100); // g e
        assertTrue(entry.deleteLast(pin));
        assertPin("g");
        press(Key.DIGIT_3, 100); // at once the same key: a new letter, not the one after e
        assertPin("gd");
        assertTrue(entry.deleteLast(pin));
        assertTrue(entry.deleteLast(pin));
        assertFalse(entry.deleteLast(pin), "nothing left");
        press(Key.DIGIT_5, 0);
        assertPin("j");
    }

    @Test
    void aNewPolicyChangesTheModeOnlyWhenItAsksForSomethingElse() {
        entry.reset(false);
        press(Key.POUND, 0);
        press(Key.POUND, 0); // ABC, chosen by the user
        entry.rules(false);
        assertEquals(InputMode.UPPER, entry.mode(), "the same rules: the user's mode stays");
        entry.rules(true);
        assertEquals(InputMode.LOWER, entry.mode());
        press(Key.POUND, 0);
        press(Key.POUND, 0);
        entry.rules(true);
        assertEquals(InputMode.DIGITS, entry.mode());
        assertTrue(entry.modeShown(), "the rules ask for letters: the mode shows in 123 too");
        entry.rules(false);
        assertEquals(InputMode.DIGITS, entry.mode());
        assertFalse(entry.modeShown());
    }

    @Test
    void theBufferKeepsItsLimitAndIsZeroedWhenCleared() {
        entry.reset(true);
        PinBuffer small = new PinBuffer(2);
        entry.key(Key.DIGIT_2, now, small);
        entry.key(Key.DIGIT_3, now, small);
        entry.key(Key.DIGIT_3, now += 100 * MS, small); // full, but the open d still goes on to e
        entry.key(Key.DIGIT_4, now, small); // full: ignored
        assertEquals(2, small.length());
        char[] typed = small.copy();
        assertArrayEquals("ae".toCharArray(), typed);
        Arrays.fill(typed, '\0');
        small.clear();
        assertTrue(small.isEmpty());
        assertEquals("", small.masked());
    }
}
