package org.redoubt.shell.internal.screens;

import java.util.Arrays;

/**
 * Digits of a PIN or PUK being typed: kept in a char array, never in a String, and zeroed when
 * taken or cleared.
 */
final class PinBuffer {

    private final char[] digits;
    private int length;

    /** @param capacity the most digits */
    PinBuffer(int capacity) {
        digits = new char[capacity];
    }

    /** @param digit 0..9, ignored when full */
    void append(int digit) {
        if (length < digits.length) {
            digits[length++] = (char) ('0' + digit);
        }
    }

    /** @return whether there was a digit to delete */
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

    /** @return the digits in a new array the caller zeroes; the buffer keeps them */
    char[] copy() {
        return Arrays.copyOf(digits, length);
    }

    /** @return the digits as text, for APIs that take a String (the SIM's); the buffer keeps them */
    String text() {
        return new String(digits, 0, length);
    }

    /** @return as many mask characters as digits */
    String masked() {
        return "●".repeat(length);
    }

    void clear() {
        Arrays.fill(digits, '\0');
        length = 0;
    }
}
