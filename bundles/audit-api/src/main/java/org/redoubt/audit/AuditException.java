package org.redoubt.audit;

/**
 * The audit log could not record an event. The caller decides whether the action may go on
 * without its record; for a security decision it fails closed.
 *
 * @since 1.0
 */
public final class AuditException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   why, or null
     */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
