package org.redoubt.shell.internal.screens;

import org.redoubt.driver.keypad.Key;

/** What the keypad's keys mean to screens that take digits. */
final class Keys {

    private Keys() {
    }

    /** @return 0..9 for a digit key, else -1 */
    static int digit(Key key) {
        return switch (key) {
            case DIGIT_0 -> 0;
            case DIGIT_1 -> 1;
            case DIGIT_2 -> 2;
            case DIGIT_3 -> 3;
            case DIGIT_4 -> 4;
            case DIGIT_5 -> 5;
            case DIGIT_6 -> 6;
            case DIGIT_7 -> 7;
            case DIGIT_8 -> 8;
            case DIGIT_9 -> 9;
            default -> -1;
        };
    }

    /** @return the dial character of a digit, star or pound key, else 0 */
    static char dialCharacter(Key key) {
        int digit = digit(key);
        if (digit >= 0) {
            return (char) ('0' + digit);
        }
        return key == Key.STAR ? '*' : key == Key.POUND ? '#' : 0;
    }
}
