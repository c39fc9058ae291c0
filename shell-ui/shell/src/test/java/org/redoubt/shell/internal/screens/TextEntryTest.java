package org.redoubt.shell.internal.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.redoubt.driver.keypad.Key;

/** Multi-tap timing and modes, and pinyin composition, key by key with explicit times. */
class TextEntryTest {

    private static final long MS = 1_000_000L;
    private long now = 1_000 * MS;

    private void press(TextEntry entry, Key key, long afterMillis) {
        now += afterMillis * MS;
        entry.key(key, now);
    }

    @Test
    void aKeyPressedAgainSoonCyclesItsLettersAndAPauseCommits() {
        TextEntry entry = new TextEntry(100);
        press(entry, Key.DIGIT_4, 0);
        press(entry, Key.DIGIT_4, 200); // h
        press(entry, Key.DIGIT_4, 1_200); // a pause: a new letter, g
        press(entry, Key.DIGIT_4, 100);
        press(entry, Key.DIGIT_4, 100); // i
        assertEquals("hi", entry.text());

        press(entry, Key.DIGIT_7, 100);
        press(entry, Key.DIGIT_7, 100);
        press(entry, Key.DIGIT_7, 100);
        press(entry, Key.DIGIT_7, 100);
        press(entry, Key.DIGIT_7, 100); // p q r s 7, and round again to p
        press(entry, Key.DIGIT_7, 100);
        assertEquals("hip", entry.text());
        entry.deleteLast();
        assertEquals("hi", entry.text());
    }

    @Test
    void poundGoesThroughTheModesAndTheLimitHolds() {
        TextEntry entry = new TextEntry(3);
        press(entry, Key.POUND, 0);
        assertEquals(InputMode.UPPER, entry.mode());
        press(entry, Key.DIGIT_2, 0);
        press(entry, Key.POUND, 0);
        assertEquals(InputMode.DIGITS, entry.mode());
        press(entry, Key.DIGIT_2, 0);
        press(entry, Key.DIGIT_0, 0);
        press(entry, Key.DIGIT_9, 0);
        assertEquals("A20", entry.text(), "three characters at most");
        press(entry, Key.POUND, 0);
        assertEquals(InputMode.LOWER, entry.mode(), "no Chinese mode without a pinyin index");
    }

    @Test
    void pinyinDigitsOfferTheirSyllablesCharacters() throws IOException {
        TextEntry entry = new TextEntry(100, PinyinIndex.load());
        for (int i = 0; i < 3; i++) {
            press(entry, Key.POUND, 0);
        }
        assertEquals(InputMode.CHINESE, entry.mode());
        press(entry, Key.DIGIT_6, 0);
        press(entry, Key.DIGIT_4, 0);
        press(entry, Key.DIGIT_6, 0);
        press(entry, Key.DIGIT_4, 0); // m i n g
        assertTrue(entry.composing());
        assertTrue(entry.candidates().startsWith("ming  [名] 明"), "the most common first: " + entry.candidates());
        press(entry, Key.RIGHT, 0);
        press(entry, Key.RIGHT, 0);
        assertTrue(entry.candidates().contains("[命]"), entry.candidates());
        press(entry, Key.LEFT, 0);
        press(entry, Key.OK, 0);
        assertEquals("明", entry.text());
        assertFalse(entry.composing());

        press(entry, Key.DIGIT_9, 0);
        entry.deleteLast();
        assertFalse(entry.composing(), "delete takes back the pinyin digit first");
        assertEquals("明", entry.text());
        assertEquals(PinyinIndex.digits("zhong"), "94664");
    }

    @Test
    void inPinyinModeOneCyclesChinesePunctuationHoweverSlowlyAndZeroIsASpace() throws IOException {
        TextEntry entry = new TextEntry(100, PinyinIndex.load());
        for (int i = 0; i < 3; i++) {
            press(entry, Key.POUND, 0);
        }
        press(entry, Key.DIGIT_1, 0);
        press(entry, Key.DIGIT_1, 5_000); // no pause closes it
        assertEquals("。", entry.text());
        press(entry, Key.DIGIT_0, 100);
        press(entry, Key.DIGIT_1, 100);
        assertEquals("。 ，", entry.text(), "another key closed it: a new one");
        entry.deleteLast();
        press(entry, Key.DIGIT_1, 100);
        assertEquals("。 ，", entry.text(), "the delete closed it too");
    }
}
