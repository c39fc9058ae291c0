package org.redoubt.driver.radios;

import java.util.Objects;

/**
 * A radio that could not be read or switched.
 *
 * @since 1.0
 */
public final class RadioException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The handset has no such radio, or its switch cannot be read. */
        UNAVAILABLE,
        /** The switch could not be written, or the radio did not follow it. */
        FAILED,
        /**
         * The radio may not be switched on: the handset's policy disables it (policy
         * {@code radios.*} = {@code DISABLED}). It stays off until a policy allows it again.
         *
         * @since 1.1
         */
        DISABLED_BY_POLICY
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what happened
     * @param cause   the underlying error, or {@code null}
     */
    public RadioException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
