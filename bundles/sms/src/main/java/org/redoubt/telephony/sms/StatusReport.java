package org.redoubt.telephony.sms;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMS-STATUS-REPORT: what became of a message this handset sent with a status report requested.
 *
 * @param reference the sent message's TP-MR, as {@code +CMGS} answered it, 0..255
 * @param recipient the number the message went to
 * @param submitted when the service centre took the message (empty when invalid)
 * @param discharged when it was delivered, or the last attempt (empty when invalid)
 * @param status    TP-ST, 0..255 (TS 23.040 9.2.3.15)
 * @since 1.0
 */
public record StatusReport(int reference, String recipient, Optional<OffsetDateTime> submitted,
        Optional<OffsetDateTime> discharged, int status) implements IncomingPdu {

    /** What the status means for the sender. */
    public enum Outcome {
        /** The recipient has it. */
        DELIVERED,
        /** The service centre is still trying. */
        PENDING,
        /** The service centre gave up, or the message could not be delivered at all. */
        FAILED
    }

    /** Checks that nothing is missing. */
    public StatusReport {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(discharged, "discharged");
        if (reference < 0 || reference > 255 || status < 0 || status > 255) {
            throw new IllegalArgumentException("reference and status are octets");
        }
    }

    /** @return 0x00..0x1F delivered, 0x20..0x3F still trying, anything else failed */
    public Outcome outcome() {
        if (status <= 0x1F) {
            return Outcome.DELIVERED;
        }
        return status <= 0x3F ? Outcome.PENDING : Outcome.FAILED;
    }
}
