package org.redoubt.store;

import java.util.Objects;

/**
 * A store operation that failed; nothing was changed.
 *
 * @since 1.0
 */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The handset is locked: enter the PIN first. */
        LOCKED,
        /** No PIN has been set yet (a new or wiped handset). */
        NO_PIN,
        /** A PIN is set already; change it instead. */
        PIN_ALREADY_SET,
        /** The PIN is wrong; {@link HandsetLock#failedAttempts()} counts it. */
        WRONG_PIN,
        /** A value is out of range or malformed; the message says which. */
        INVALID_ARGUMENT,
        /** No record with that id. */
        NOT_FOUND,
        /** A stored record or key does not authenticate: the storage was changed behind the handset's back. */
        TAMPERED,
        /** The storage could not be read or written. */
        IO_FAILURE,
        /**
         * The new PIN breaks the handset's PIN rules (policy {@code password.minLength},
         * {@code password.quality}); the message names the rule. Nothing was changed.
         *
         * @since 1.1
         */
        PIN_TOO_WEAK,
        /**
         * The PIN was wrong once too often (policy {@code password.maxFailedForWipe}): the handset
         * has been crypto-erased and is as new ({@link LockState#NO_PIN}).
         *
         * @since 1.1
         */
        WIPED
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what, for people (never a secret)
     * @param cause   the underlying failure, or null
     */
    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
