package org.redoubt.fleet.cli;

/**
 * Bad input or a failed check: the tool prints the message as one line and exits with 1. The
 * message says what was wrong and where, never key material.
 */
public final class FleetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, one line */
    public FleetException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong, one line
     * @param cause   the underlying failure
     */
    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
