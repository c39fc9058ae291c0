package org.redoubt.store.internal;

/** What a PIN must be made of (policy {@code password.quality}). */
enum PinQuality {
    /** Digits only. */
    NUMERIC,
    /** Digits only, without four of the same digit in a row and without four digits counting up or down by one. */
    NUMERIC_COMPLEX,
    /** Letters (A-Z, a-z) and digits, at least one of each. */
    ALPHANUMERIC
}
