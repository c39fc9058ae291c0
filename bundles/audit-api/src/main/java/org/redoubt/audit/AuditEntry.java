package org.redoubt.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the log holds it.
 *
 * @param sequence its place in the chain, from 1, without gaps
 * @param time     when it was appended, by the handset's clock
 * @param event    what was recorded
 * @since 1.0
 */
public record AuditEntry(long sequence, Instant time, AuditEvent event) {

    /** @throws IllegalArgumentException for a sequence below 1 */
    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, got " + sequence);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
    }
}
