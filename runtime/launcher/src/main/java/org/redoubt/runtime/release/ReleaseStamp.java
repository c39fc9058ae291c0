package org.redoubt.runtime.release;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.redoubt.crypto.documents.Target;

/**
 * The header a release document carries besides its number: when it was issued, when it expires
 * and which handsets it is for.
 *
 * @param issuedAt when it was issued (whole seconds)
 * @param expires  when it expires (whole seconds), not before {@code issuedAt}
 * @param target   the handsets it is for
 */
public record ReleaseStamp(Instant issuedAt, Instant expires, Target target) {

    /** Truncates to seconds and checks the order. */
    public ReleaseStamp {
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
        expires = Objects.requireNonNull(expires, "expires").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(target, "target");
        if (expires.isBefore(issuedAt)) {
            throw new IllegalArgumentException("a release cannot expire before it is issued");
        }
    }
}
