package org.redoubt.telephony.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * How a message is sent.
 *
 * @param reference     the concatenation reference its parts share (used only when it needs more
 *                      than one part): 0..255, or 0..65535 when {@code wideReference}. Callers count
 *                      it up per message so that a recipient does not mix two messages' parts
 * @param wideReference 16-bit reference (one character less per part)
 * @param statusReport  ask the service centre for a status report
 * @param validity      how long the service centre keeps trying: 5 minutes to 63 weeks, rounded up to
 *                      what TP-VP can say
 * @since 1.0
 */
public record SubmitOptions(int reference, boolean wideReference, boolean statusReport, Duration validity) {

    /** The service centre's attempts last this long unless asked otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);

    /** Checks the ranges. */
    public SubmitOptions {
        if (reference < 0 || reference > (wideReference ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("reference out of range: " + reference);
        }
        Objects.requireNonNull(validity, "validity");
        if (validity.compareTo(Duration.ofMinutes(5)) < 0 || validity.compareTo(Duration.ofDays(7 * 63)) > 0) {
            throw new IllegalArgumentException("validity is 5 minutes to 63 weeks");
        }
    }

    /**
     * @param reference the concatenation reference, 0..255
     * @return 8-bit reference, no status report, a day's validity
     */
    public static SubmitOptions withReference(int reference) {
        return new SubmitOptions(reference, false, false, DEFAULT_VALIDITY);
    }

    /** @return these options with a status report requested */
    public SubmitOptions requestingStatusReport() {
        return new SubmitOptions(reference, wideReference, true, validity);
    }
}
