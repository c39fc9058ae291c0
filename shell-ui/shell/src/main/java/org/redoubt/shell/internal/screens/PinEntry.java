package org.redoubt.shell.internal.screens;

import java.util.Locale;
import java.util.Optional;

import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.internal.policy.PinRules;
import org.redoubt.shell.internal.policy.PolicyStanding;
import org.redoubt.shell.internal.policy.PolicyView;

/**
 * The keypad on the handset PIN screens: in the digit mode a digit key is its digit, as it always
 * was; in the letter modes ({@code abc}, {@code ABC}) the digit keys type letters by multi-tap
 * ({@link MultiTap#PIN}: 2 = a b c 2, ..., 0 and 1 their digit), for a PIN that has letters.
 * {@code #} goes through the modes as in text entry ({@code abc}, {@code ABC}, {@code 123}), Right
 * closes the open letter. The characters go straight into the screen's {@link PinBuffer}; this
 * keeps only the mode and which key is open.
 *
 * <p>The screens start in the digit mode, or in {@code abc} when the policy asks for letters
 * ({@code ALPHANUMERIC}). Nothing tells the shell whether the PIN in force has letters (the lock
 * does not say), so {@code #} switches on every PIN screen; the mode is shown when the policy asks
 * for letters or the user left the digit mode, so a numeric handset looks as before.
 */
final class PinEntry {

    private final MultiTap tap = new MultiTap();
    private boolean lettersAsked;
    private InputMode mode = InputMode.DIGITS;

    /**
     * @param policy the policy in force, or null without one
     * @return whether its PIN rules ask for letters
     */
    static boolean lettersAsked(PolicyView policy) {
        Optional<PolicyStanding> standing = policy == null ? Optional.empty() : policy.standing();
        return standing.flatMap(PolicyStanding::pinRules).filter(PinRules::asksForLetters).isPresent();
    }

    /** @param letters whether the rules ask for letters: the mode starts as {@code abc}, else {@code 123} */
    void reset(boolean letters) {
        lettersAsked = letters;
        mode = letters ? InputMode.LOWER : InputMode.DIGITS;
        tap.commit();
    }

    /**
     * Follows a change of the rules (a new policy) by starting again in their mode; the mode the
     * user chose stays while the rules ask for the same.
     *
     * @param letters whether the rules ask for letters now
     */
    void rules(boolean letters) {
        if (letters != lettersAsked) {
            reset(letters);
        }
    }

    /**
     * @param key   a key
     * @param nanos when it was pressed
     * @param pin   where a character goes
     * @return whether it was a key of the PIN (a digit key, {@code #}, Right)
     */
    boolean key(Key key, long nanos, PinBuffer pin) {
        int digit = Keys.digit(key);
        if (digit >= 0) {
            if (mode == InputMode.DIGITS) {
                tap.commit();
                pin.append(digit);
            } else {
                String characters = MultiTap.PIN[digit];
                tap.press(key, mode == InputMode.UPPER ? characters.toUpperCase(Locale.ROOT) : characters, true,
                        nanos, pin);
            }
            return true;
        }
        switch (key) {
            case POUND -> {
                tap.commit();
                mode = mode.next(false);
                return true;
            }
            case RIGHT -> {
                tap.commit();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Deletes the last character, the open letter too (the next press starts a new one).
     *
     * @param pin the PIN being typed
     * @return whether there was one
     */
    boolean deleteLast(PinBuffer pin) {
        tap.commit();
        return pin.deleteLast();
    }

    /** Closes the open letter: the PIN is taken, or the screen goes on to the next one. */
    void commit() {
        tap.commit();
    }

    InputMode mode() {
        return mode;
    }

    /** @return whether the screen shows the mode: the rules ask for letters, or the user left the digits */
    boolean modeShown() {
        return lettersAsked || mode != InputMode.DIGITS;
    }
}
