package org.redoubt.telephony;

import java.util.Objects;

/**
 * One call.
 *
 * @param id        the modem's call index (27.007 +CLCC id), unique while the call lasts
 * @param number    the other party's number, empty when withheld
 * @param incoming  whether the other party called
 * @param state     where the call is
 * @param emergency whether it is a call to an emergency number
 * @since 1.0
 */
public record Call(int id, String number, boolean incoming, CallState state, boolean emergency) {

    /** Checks that nothing is missing. */
    public Call {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(state, "state");
    }
}
