package org.redoubt.crypto.sealed;

import java.util.Objects;

/**
 * A sealed-storage operation that did not happen, with a stable reason. Nothing was changed
 * when it is thrown.
 *
 * @since 1.0
 */
public final class SealedStorageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation did not happen. */
    public enum Reason {
        /** The device secret could not be read, created or destroyed. */
        DEVICE_SECRET_UNAVAILABLE,
        /** The PIN did not unlock the key hierarchy. */
        WRONG_PIN,
        /** The key hierarchy is locked; unlock it with the PIN first. */
        LOCKED,
        /** There is no key hierarchy yet (first use) or it was erased. */
        NOT_INITIALIZED,
        /** A key hierarchy already exists; it is never overwritten. */
        ALREADY_INITIALIZED,
        /** A sealed record or key file does not authenticate: tampered, truncated or from elsewhere. */
        TAMPERED,
        /** A sealed record or key file is not in a format this code reads. */
        MALFORMED,
        /** A file could not be read or written. */
        IO_FAILURE,
        /** An argument is outside its documented range (an empty PIN, an unknown name). */
        INVALID_ARGUMENT
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what exactly went wrong; never key material or a PIN
     * @param cause   the underlying error, or {@code null}
     */
    public SealedStorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
