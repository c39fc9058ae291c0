package org.redoubt.telephony;

import java.util.Objects;

/**
 * A telephony operation that did not happen.
 *
 * @since 1.0
 */
public final class TelephonyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No modem answers right now (absent, restarting). */
        NO_MODEM,
        /** Not registered on a network. */
        NO_NETWORK,
        /** The SIM needs its PIN or PUK first. */
        SIM_LOCKED,
        /** The PIN was wrong. */
        WRONG_PIN,
        /** The PUK was wrong. */
        WRONG_PUK,
        /** Restricted by configuration (policy). */
        RESTRICTED,
        /** There is no call in the state the operation needs. */
        NO_SUCH_CALL,
        /** A value is malformed; the message says which. */
        INVALID_ARGUMENT,
        /** The modem or the network refused; the message has its error. */
        REFUSED,
        /** No answer in time. */
        TIMEOUT
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what, for people (never a PIN)
     * @param cause   the underlying failure, or null
     */
    public TelephonyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
