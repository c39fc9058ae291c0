package org.redoubt.store.internal;

import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/** What any PIN is, whatever the rules: 4..16 of A-Z, a-z, 0-9. The rules are {@link PinRules}. */
final class Pins {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 16;

    private Pins() {
    }

    /**
     * @param pin a new PIN
     * @throws StoreException {@code INVALID_ARGUMENT} unless it is 4..16 letters and digits
     */
    static void check(char[] pin) throws StoreException {
        if (pin == null || pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            throw new StoreException(Reason.INVALID_ARGUMENT, "a PIN is " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " characters", null);
        }
        for (char c : pin) {
            if (!isDigit(c) && !isLetter(c)) {
                throw new StoreException(Reason.INVALID_ARGUMENT, "a PIN has digits and letters A-Z only", null);
            }
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
