package org.redoubt.telephony;

/**
 * The SIM's lock, as 27.007 +CPIN reports it.
 *
 * @since 1.0
 */
public enum SimState {
    /** Unlocked: calls and SMS work. */
    READY,
    /** Waiting for the PIN. */
    PIN_REQUIRED,
    /** Blocked after wrong PINs: waiting for the PUK and a new PIN. */
    PUK_REQUIRED,
    /** No SIM, or it failed. */
    ABSENT,
    /** Not known (no modem). */
    UNKNOWN
}
