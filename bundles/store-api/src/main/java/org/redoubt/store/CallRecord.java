package org.redoubt.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the call log.
 *
 * @param id       the store's id
 * @param number   the other party's number
 * @param kind     incoming, outgoing or missed
 * @param start    when the call started (rang)
 * @param duration how long it was connected (zero when missed)
 * @since 1.0
 */
public record CallRecord(long id, String number, CallKind kind, Instant start, Duration duration) {

    /** Checks that nothing is missing. */
    public CallRecord {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
    }
}
