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
        FAILED
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
