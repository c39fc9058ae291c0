package org.redoubt.driver.modem;

import java.util.Objects;

/**
 * A command that did not get its final result code, with a stable reason.
 *
 * @since 1.0
 */
public final class AtException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No final result within the timeout; the channel resynchronizes before the next command. */
        TIMEOUT,
        /** The transport is closed or broke. */
        CLOSED,
        /** The command or payload is empty, too long, or not printable ASCII. */
        INVALID_COMMAND,
        /** The modem answered a payload command without the {@code "> "} prompt. */
        NO_PROMPT,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what happened
     * @param cause   the underlying error, or {@code null}
     */
    public AtException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
