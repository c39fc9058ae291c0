package org.redoubt.policy;

import java.util.Objects;

import org.redoubt.crypto.documents.ReasonCode;

/**
 * A policy body the handset does not take: the reason code travels in the ack.
 *
 * @since 1.0
 */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReasonCode reason;
    private final String path;

    /**
     * @param reason  {@code UNKNOWN_FIELD} or {@code MALFORMED_DOCUMENT}
     * @param path    where in the body, e.g. {@code $.password.minLength}
     * @param message what is wrong, for people (never the value)
     * @param cause   the underlying failure, or null
     */
    public PolicyException(ReasonCode reason, String path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** @return why, as the ack says it */
    public ReasonCode reason() {
        return reason;
    }

    /** @return where in the body */
    public String path() {
        return path;
    }
}
