package org.redoubt.crypto.api;

import java.util.Objects;

/**
 * Bad input to a cryptographic operation, with a stable reason.
 *
 * @since 1.0
 */
public final class CryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation refused its input. */
    public enum Reason {
        /** A key is malformed, of another scheme or curve, or not usable for the operation. */
        INVALID_KEY,
        /** A ciphertext or tag did not authenticate: wrong key, nonce, associated data or tampering. */
        AUTHENTICATION_FAILED,
        /** An argument is malformed (a length out of range, an empty PIN). */
        INVALID_ARGUMENT
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what exactly was wrong; never key material
     * @param cause   the underlying error, or {@code null}
     */
    public CryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
