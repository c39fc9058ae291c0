package org.redoubt.shell.internal.screens;

import java.time.Duration;

import org.redoubt.driver.keypad.Key;

/**
 * Multi-tap on the digit keys: the first press of a key types its first character and leaves it
 * open; pressing the same key again while it is open replaces it with the key's next character,
 * round and round. Another key, {@link #commit()} or (for timed characters) a pause of
 * {@link #COMMIT_AFTER} closes it. A key with one character types it anew at every press. Where the characters go is the caller's ({@link Characters}),
 * so a PIN's stay in its zeroed array; this keeps only which key is open and how far round it is.
 */
final class MultiTap {

    /** How long a letter stays open for the next press of its key. */
    static final Duration COMMIT_AFTER = Duration.ofSeconds(1);

    /** What the digit keys go through in text: 0 is a space (or 0), 1 punctuation. */
    static final String[] TEXT = {" 0", ".,?!'-1", "abc2", "def3", "ghi4", "jkl5", "mno6", "pqrs7", "tuv8",
        "wxyz9"};

    /** What the digit keys go through in a PIN: its letters and digits only (0 and 1 have no letters). */
    static final String[] PIN = {"0", "1", "abc2", "def3", "ghi4", "jkl5", "mno6", "pqrs7", "tuv8", "wxyz9"};

    /** Where typed characters go. */
    interface Characters {
        /** @return whether there was room for it */
        boolean append(char c);

        /** Replaces the last character (the open one). */
        void replaceLast(char c);
    }

    private Key open; // the key whose character is still open, or null
    private int cycle;
    private long pressedNanos;

    /**
     * @param key        the key pressed
     * @param characters what it goes through, in order
     * @param timed      whether the open character closes after {@link #COMMIT_AFTER}
     * @param nanos      when it was pressed
     * @param into       where the character goes
     */
    void press(Key key, String characters, boolean timed, long nanos, Characters into) {
        boolean again = key == open && characters.length() > 1
                && (!timed || nanos - pressedNanos < COMMIT_AFTER.toNanos());
        if (again) {
            cycle = (cycle + 1) % characters.length();
            into.replaceLast(characters.charAt(cycle));
        } else {
            commit();
            if (!into.append(characters.charAt(0))) {
                return;
            }
            open = key;
        }
        pressedNanos = nanos;
    }

    /** Closes the open character, if any: the next press starts a new one. */
    void commit() {
        open = null;
        cycle = 0;
    }

    /** @return whether a character is open (the last one typed) */
    boolean isOpen() {
        return open != null;
    }
}
