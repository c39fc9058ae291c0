package org.redoubt.crypto.documents;

import java.util.Objects;

/**
 * Bad input to a document codec, with a stable reason.
 *
 * @since 1.0
 */
public final class DocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReasonCode reason;

    /**
     * @param reason the reason
     * @param detail what exactly was wrong, for people; never key material or raw input
     */
    public DocumentException(ReasonCode reason, String detail) {
        this(reason, detail, null);
    }

    /**
     * @param reason the reason
     * @param detail what exactly was wrong, for people; never key material or raw input
     * @param cause  the underlying error, or {@code null}
     */
    public DocumentException(ReasonCode reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public ReasonCode reason() {
        return reason;
    }
}
