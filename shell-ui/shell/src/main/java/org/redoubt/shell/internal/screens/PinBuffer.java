package org.redoubt.shell.internal.screens;

import java.util.Arrays;

/**
 * The characters of a PIN or PUK being typed (digits, or letters too for a handset PIN): kept in a
 * char array, never in a String, and zeroed when taken or cleared. Multi-tap ({@link MultiTap})
 * types into it directly.
 */
final class PinBuffer implements MultiTap.Characters {

    private final char[] digits;
    private int length;

    /** @param capacity the most characters */
    PinBuffer(int capacity) {
        digits = new char[capacity];
    }

    /** @param digit 0..9, ignored when full */
    void append(int digit) {
        append((char) ('0' + digit));
    }

    /** @param c a character, ignored when full */
    @Override
    public boolean append(char c) {
        if (length == digits.length) {
            return false;
        }
        digits[length++] = c;
        return true;
    }

    /** @param c the character that takes the last one's place (multi-tap's next letter) */
    @Override
    public void replaceLast(char c) {
        if (length > 0) {
            digits[length - 1] = c;
        }
    }

    /** @return whether there was a character to delete */
    boolean deleteLast() {
        if (length == 0) {
            return false;
        }
        digits[--length] = '\0';
        return true;
    }

    int length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** @return the characters in a new array the caller zeroes; the buffer keeps them */
    char[] copy() {
        return Arrays.copyOf(digits, length);
    }

    /** @return the digits as text, for APIs that take a String (the SIM's); the buffer keeps them */
    String text() {
        return new String(digits, 0, length);
    }

    /** @return as many mask characters as characters */
    String masked() {
        return "●".repeat(length);
    }

    void clear() {
        Arrays.fill(digits, '\0');
        length = 0;
    }
}
