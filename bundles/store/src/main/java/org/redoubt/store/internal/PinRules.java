package org.redoubt.store.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/**
 * The handset's PIN rules (policy {@code password.*}): the shortest PIN, what it must be made of,
 * and after how many failed entries in a row the handset is wiped. Any PIN is 4..16 of A-Z, a-z,
 * 0-9 (anything else is malformed, {@code INVALID_ARGUMENT}); the rules narrow that
 * ({@code PIN_TOO_WEAK}). Never logs or keeps a PIN.
 *
 * @param minLength        the shortest PIN, {@value Pins#MIN_LENGTH}..{@value Pins#MAX_LENGTH}
 * @param quality          what it is made of
 * @param maxFailedForWipe failed entries in a row that wipe the handset, 0 for never
 */
record PinRules(int minLength, PinQuality quality, int maxFailedForWipe) {

    /** The rules without a policy: 4 digits, no wipe. */
    static final PinRules DEFAULT = new PinRules(Pins.MIN_LENGTH, PinQuality.NUMERIC, 0);

    /** How many digits counting up or down, or repeating, make a PIN too simple for NUMERIC_COMPLEX. */
    private static final int RUN = 4;

    PinRules {
        Objects.requireNonNull(quality, "quality");
        if (minLength < Pins.MIN_LENGTH || minLength > Pins.MAX_LENGTH || maxFailedForWipe < 0) {
            throw new IllegalArgumentException("PIN rules out of range: " + minLength + ", " + maxFailedForWipe);
        }
    }

    /**
     * Reads configured values; a value out of range is a configuration error, reported, and
     * replaced by the nearest safe one: a length is clamped to 4..16, an unknown quality becomes
     * NUMERIC_COMPLEX (stricter than the default and still typed on a keypad), and a negative wipe
     * count leaves the wipe off (an irreversible erase never follows from a malformed number).
     *
     * @param minLength        configured shortest PIN
     * @param quality          configured quality name
     * @param maxFailedForWipe configured wipe count
     * @param errors           receives one line per configuration error
     * @return the rules
     */
    static PinRules of(int minLength, String quality, int maxFailedForWipe, Consumer<String> errors) {
        int length = minLength;
        if (length < Pins.MIN_LENGTH || length > Pins.MAX_LENGTH) {
            length = Math.max(Pins.MIN_LENGTH, Math.min(Pins.MAX_LENGTH, minLength));
            errors.accept("pinMinLength " + minLength + " is outside " + Pins.MIN_LENGTH + ".." + Pins.MAX_LENGTH
                    + "; using " + length);
        }
        PinQuality kind;
        try {
            kind = PinQuality.valueOf(String.valueOf(quality).strip());
        } catch (IllegalArgumentException e) {
            kind = PinQuality.NUMERIC_COMPLEX;
            errors.accept("pinQuality '" + quality + "' is none of " + List.of(PinQuality.values()) + "; using "
                    + kind);
        }
        int wipe = maxFailedForWipe;
        if (wipe < 0) {
            wipe = 0;
            errors.accept("maxFailedForWipe " + maxFailedForWipe + " is negative; the wipe stays off");
        }
        return new PinRules(length, kind, wipe);
    }

    /**
     * @param pin a new PIN (not kept, not cleared)
     * @throws StoreException {@code INVALID_ARGUMENT} when it is no PIN at all, {@code PIN_TOO_WEAK}
     *                        naming the rule it breaks
     */
    void check(char[] pin) throws StoreException {
        Pins.check(pin);
        if (pin.length < minLength) {
            throw weak("the PIN rules ask for at least " + minLength + " characters");
        }
        int letters = 0;
        for (char c : pin) {
            if (!Pins.isDigit(c)) {
                letters++;
            }
        }
        switch (quality) {
            case NUMERIC -> requireDigitsOnly(letters);
            case NUMERIC_COMPLEX -> {
                requireDigitsOnly(letters);
                if (longestRun(pin, 0) >= RUN) {
                    throw weak("the PIN rules forbid " + RUN + " of the same digit in a row");
                }
                if (longestRun(pin, 1) >= RUN || longestRun(pin, -1) >= RUN) {
                    throw weak("the PIN rules forbid " + RUN + " digits counting up or down in a row");
                }
            }
            case ALPHANUMERIC -> {
                if (letters == 0 || letters == pin.length) {
                    throw weak("the PIN rules ask for letters and digits, at least one of each");
                }
            }
            default -> throw new IllegalStateException(quality.name());
        }
    }

    /**
     * @param pin a PIN (not kept, not cleared)
     * @return whether it meets these rules
     */
    boolean admits(char[] pin) {
        try {
            check(pin);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /**
     * @param failedAttempts failed entries in a row, this one included
     * @return whether they wipe the handset
     */
    boolean wipesAt(int failedAttempts) {
        return maxFailedForWipe > 0 && failedAttempts >= maxFailedForWipe;
    }

    private static void requireDigitsOnly(int letters) throws StoreException {
        if (letters > 0) {
            throw weak("the PIN rules allow letters only for an ALPHANUMERIC PIN");
        }
    }

    /** @return the longest run of characters each {@code step} above the one before */
    private static int longestRun(char[] pin, int step) {
        int longest = 1;
        int run = 1;
        for (int i = 1; i < pin.length; i++) {
            run = pin[i] - pin[i - 1] == step ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static StoreException weak(String rule) {
        return new StoreException(Reason.PIN_TOO_WEAK, rule, null);
    }
}
