package org.redoubt.shell.internal.screens;

import java.time.Duration;

import org.redoubt.driver.keypad.Key;

/**
 * Multi-tap text entry on the keypad: a digit key pressed again within {@link #COMMIT_AFTER} moves
 * on to its next letter; another key, a pause, or Right commits the letter. {@code #} switches the
 * mode: lower case, upper case, digits. {@code 0} is a space (or 0), {@code 1} punctuation.
 */
final class TextEntry {

    /** How long a letter stays open for the next press of its key. */
    static final Duration COMMIT_AFTER = Duration.ofSeconds(1);

    /** The input modes, in the order {@code #} goes through them. */
    enum Mode {
        LOWER("abc"), UPPER("ABC"), DIGITS("123");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** @return what the screen shows for it */
        String label() {
            return label;
        }
    }

    private static final String[] LETTERS = {" 0", ".,?!'-1", "abc2", "def3", "ghi4", "jkl5", "mno6", "pqrs7", "tuv8",
        "wxyz9"};

    private final StringBuilder text = new StringBuilder();
    private final int maxLength;
    private Mode mode = Mode.LOWER;
    private Key open; // the key whose letter is still open, or null
    private int cycle;
    private long openedNanos;

    /** @param maxLength the longest text */
    TextEntry(int maxLength) {
        this.maxLength = maxLength;
    }

    /**
     * @param key   a key
     * @param nanos when it was pressed
     * @return whether the entry used it
     */
    boolean key(Key key, long nanos) {
        int digit = Keys.digit(key);
        if (digit >= 0) {
            type(key, digit, nanos);
            return true;
        }
        switch (key) {
            case POUND -> {
                commit();
                mode = Mode.values()[(mode.ordinal() + 1) % Mode.values().length];
                return true;
            }
            case STAR -> {
                commit();
                append('*');
                return true;
            }
            case RIGHT -> {
                commit();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Deletes the last character (the open letter first). */
    void deleteLast() {
        open = null;
        if (text.length() > 0) {
            int cut = text.length() - 1;
            if (cut > 0 && Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            text.setLength(cut);
        }
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    String text() {
        return text.toString();
    }

    Mode mode() {
        return mode;
    }

    /** @param initial the text to edit */
    void set(String initial) {
        clear();
        text.append(initial, 0, Math.min(initial.length(), maxLength));
    }

    void clear() {
        text.setLength(0);
        open = null;
    }

    private void type(Key key, int digit, long nanos) {
        if (mode == Mode.DIGITS) {
            commit();
            append((char) ('0' + digit));
            return;
        }
        String letters = LETTERS[digit];
        boolean again = key == open && nanos - openedNanos < COMMIT_AFTER.toNanos();
        if (again) {
            cycle = (cycle + 1) % letters.length();
            text.setCharAt(text.length() - 1, cased(letters.charAt(cycle)));
        } else {
            commit();
            if (!append(cased(letters.charAt(0)))) {
                return;
            }
            open = key;
            cycle = 0;
        }
        openedNanos = nanos;
    }

    private char cased(char c) {
        return mode == Mode.UPPER ? Character.toUpperCase(c) : c;
    }

    private boolean append(char c) {
        if (text.length() >= maxLength) {
            return false;
        }
        text.append(c);
        return true;
    }

    private void commit() {
        open = null;
    }
}
