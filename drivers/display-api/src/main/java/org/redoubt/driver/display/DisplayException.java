package org.redoubt.driver.display;

import java.util.Objects;

/**
 * A frame that could not be shown.
 *
 * @since 1.0
 */
public final class DisplayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The frame does not have width x height pixels. */
        WRONG_SIZE,
        /** The screen could not be written. */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what happened
     * @param cause   the underlying error, or {@code null}
     */
    public DisplayException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
