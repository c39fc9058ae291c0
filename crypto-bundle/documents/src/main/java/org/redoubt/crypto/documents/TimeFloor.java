package org.redoubt.crypto.documents;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The persisted monotonic "not earlier than" instant: the handset's time is never taken to be
 * before it. Only {@link DocumentVerifier#commit} and {@link RootRotation#commit} raise it.
 *
 * @since 1.0
 */
@ConsumerType
public interface TimeFloor {

    /** @return the instant the current time is known not to be before */
    Instant notEarlierThan();

    /**
     * Persists a later floor (durably, before returning). Implementations ignore an instant that
     * is not later than the current floor.
     *
     * @param instant the new floor
     */
    void raiseTo(Instant instant);
}
