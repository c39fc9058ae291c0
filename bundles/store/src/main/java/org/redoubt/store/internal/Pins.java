package org.redoubt.store.internal;

import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/** What a PIN may be. */
final class Pins {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 16;

    private Pins() {
    }

    /**
     * @param pin a new PIN
     * @throws StoreException {@code INVALID_ARGUMENT} unless it is 4..16 digits
     */
    static void check(char[] pin) throws StoreException {
        if (pin == null || pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            throw new StoreException(Reason.INVALID_ARGUMENT, "a PIN is " + MIN_LENGTH + ".." + MAX_LENGTH + " digits",
                    null);
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new StoreException(Reason.INVALID_ARGUMENT, "a PIN has digits only", null);
            }
        }
    }
}
