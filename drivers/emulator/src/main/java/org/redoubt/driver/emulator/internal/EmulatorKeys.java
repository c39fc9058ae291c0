package org.redoubt.driver.emulator.internal;

import java.awt.event.KeyEvent;
import java.util.Map;
import java.util.Optional;

import org.redoubt.driver.keypad.Key;

/**
 * The desktop keyboard as the handset keypad. Digits (main row or keypad), {@code *} and {@code #}
 * as typed; arrows for navigation; Enter is OK; F1 and F2 are the left and right soft keys; F3 is
 * Call, F4 or Escape is End, F12 is Power.
 */
final class EmulatorKeys {

    private static final Map<Integer, Key> CODES = Map.ofEntries(
            Map.entry(KeyEvent.VK_0, Key.DIGIT_0), Map.entry(KeyEvent.VK_1, Key.DIGIT_1),
            Map.entry(KeyEvent.VK_2, Key.DIGIT_2), Map.entry(KeyEvent.VK_3, Key.DIGIT_3),
            Map.entry(KeyEvent.VK_4, Key.DIGIT_4), Map.entry(KeyEvent.VK_5, Key.DIGIT_5),
            Map.entry(KeyEvent.VK_6, Key.DIGIT_6), Map.entry(KeyEvent.VK_7, Key.DIGIT_7),
            Map.entry(KeyEvent.VK_8, Key.DIGIT_8), Map.entry(KeyEvent.VK_9, Key.DIGIT_9),
            Map.entry(KeyEvent.VK_NUMPAD0, Key.DIGIT_0), Map.entry(KeyEvent.VK_NUMPAD1, Key.DIGIT_1),
            Map.entry(KeyEvent.VK_NUMPAD2, Key.DIGIT_2), Map.entry(KeyEvent.VK_NUMPAD3, Key.DIGIT_3),
            Map.entry(KeyEvent.VK_NUMPAD4, Key.DIGIT_4), Map.entry(KeyEvent.VK_NUMPAD5, Key.DIGIT_5),
            Map.entry(KeyEvent.VK_NUMPAD6, Key.DIGIT_6), Map.entry(KeyEvent.VK_NUMPAD7, Key.DIGIT_7),
            Map.entry(KeyEvent.VK_NUMPAD8, Key.DIGIT_8), Map.entry(KeyEvent.VK_NUMPAD9, Key.DIGIT_9),
            Map.entry(KeyEvent.VK_MULTIPLY, Key.STAR), Map.entry(KeyEvent.VK_ASTERISK, Key.STAR),
            Map.entry(KeyEvent.VK_NUMBER_SIGN, Key.POUND),
            Map.entry(KeyEvent.VK_UP, Key.UP), Map.entry(KeyEvent.VK_DOWN, Key.DOWN),
            Map.entry(KeyEvent.VK_LEFT, Key.LEFT), Map.entry(KeyEvent.VK_RIGHT, Key.RIGHT),
            Map.entry(KeyEvent.VK_ENTER, Key.OK), Map.entry(KeyEvent.VK_F1, Key.SOFT_LEFT),
            Map.entry(KeyEvent.VK_F2, Key.SOFT_RIGHT), Map.entry(KeyEvent.VK_F3, Key.CALL),
            Map.entry(KeyEvent.VK_F4, Key.END), Map.entry(KeyEvent.VK_ESCAPE, Key.END),
            Map.entry(KeyEvent.VK_F12, Key.POWER));

    private EmulatorKeys() {
    }

    /**
     * @param keyCode a {@link KeyEvent} virtual key code
     * @param typed   the character the key typed, or {@link KeyEvent#CHAR_UNDEFINED}
     * @return the handset key, if it is one
     */
    static Optional<Key> key(int keyCode, char typed) {
        if (typed == '*') {
            return Optional.of(Key.STAR);
        }
        if (typed == '#') {
            return Optional.of(Key.POUND);
        }
        return Optional.ofNullable(CODES.get(keyCode));
    }
}
