package org.redoubt.telephony.sms;

import java.util.Objects;

/**
 * A PDU that cannot be decoded, or a message that cannot be encoded.
 *
 * @since 1.0
 */
public final class PduException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The text is not hex, has an odd length, or is longer than any PDU. */
        MALFORMED_HEX,
        /** The PDU ends inside a field; the message names the field. */
        TRUNCATED,
        /** A field holds a value the standard does not allow; the message names the field. */
        MALFORMED_FIELD,
        /** A PDU type this handset does not take (e.g. SMS-COMMAND, a reserved type). */
        UNSUPPORTED_TYPE,
        /** Compressed text (TS 23.042), which no network sends to handsets. */
        UNSUPPORTED_ENCODING,
        /** A number or sender that cannot be an SMS address. */
        INVALID_ADDRESS,
        /** More text than 255 concatenated parts hold. */
        TOO_LONG,
        /** An encoding option out of range. */
        INVALID_ARGUMENT
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what, for engineers (never the message text)
     */
    public PduException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
