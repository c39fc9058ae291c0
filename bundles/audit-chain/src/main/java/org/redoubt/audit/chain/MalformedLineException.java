package org.redoubt.audit.chain;

/**
 * A line that is not one canonical audit entry.
 *
 * @since 1.0
 */
public final class MalformedLineException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the line */
    public MalformedLineException(String message) {
        super(message);
    }
}
