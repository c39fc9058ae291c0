package org.redoubt.crypto.keystore;

import java.util.Objects;

/**
 * The identity key could not be loaded or created. Nothing was changed: in particular a damaged
 * key is never replaced by a new one, since that would silently change the handset's identity.
 *
 * @since 1.0
 */
public final class KeystoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The sealed key does not open: tampered, truncated, or sealed on another handset. */
        TAMPERED,
        /** The key file is not in a format this code reads. */
        MALFORMED,
        /** The device id is not 1..64 of {@code A-Z a-z 0-9 . _ -}. */
        INVALID_DEVICE_ID,
        /** The device secret could not be used. */
        DEVICE_SECRET_UNAVAILABLE,
        /** A file could not be read or written. */
        IO_FAILURE
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what went wrong; never key material
     * @param cause   the underlying error, or {@code null}
     */
    public KeystoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
