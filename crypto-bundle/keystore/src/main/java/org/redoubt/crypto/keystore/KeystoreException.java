package org.redoubt.crypto.keystore;

import java.util.Objects;

/**
 * The identity key could not be loaded or created. Nothing was changed: in particular a damaged
 * key file is never replaced by a new key, since that would silently change the handset's
 * identity. The reason says whose move it is: {@link Reason#TAMPERED}, {@link Reason#MALFORMED}
 * and {@link Reason#UNSUPPORTED} concern the key file and need an operator;
 * {@link Reason#DEVICE_SECRET_UNAVAILABLE} and {@link Reason#IO_FAILURE} concern the handset's
 * environment; {@link Reason#INVALID_DEVICE_ID} concerns the launcher's configuration. The message
 * never holds key material.
 *
 * @since 1.0
 */
public final class KeystoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /**
         * The sealed key does not open or does not belong to its public key: changed, truncated
         * inside the sealed bytes, copied from another handset, or sealed under a device secret
         * that has since been destroyed.
         */
        TAMPERED,
        /** The key file is not a well-formed key file (cut short, not JSON, unknown or missing members). */
        MALFORMED,
        /** The device id is missing or not 1..64 of {@code A-Z a-z 0-9 . _ -}. */
        INVALID_DEVICE_ID,
        /** The device secret could not be used. */
        DEVICE_SECRET_UNAVAILABLE,
        /** A file could not be read or written. */
        IO_FAILURE,
        /**
         * The key file is in a format, suite or scheme this release does not know, e.g. written by
         * a newer release before a rollback. The file may be perfectly good: do not discard it.
         */
        UNSUPPORTED
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
