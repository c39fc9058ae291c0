package org.redoubt.runtime.slots;

import java.util.Objects;

/**
 * A slot operation that did not happen; nothing changed.
 *
 * @since 1.0
 */
public final class SlotException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The release does not verify. */
        REJECTED,
        /** Its number is not above the committed release. */
        ROLLBACK,
        /** Its signed manifest has expired. */
        EXPIRED,
        /** Another candidate is staged or running in TESTING. */
        BUSY,
        /** It is not the candidate. */
        NO_CANDIDATE,
        /** The slot or the boot record could not be written or read. */
        STORAGE
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what, for the operator
     * @param cause   the underlying failure, or {@code null}
     */
    public SlotException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
