package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.redoubt.crypto.documents.FloorKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TimeFloor;
import org.redoubt.crypto.documents.VersionFloor;
import org.redoubt.crypto.documents.VersionFloors;

/**
 * The verification state the operator's side has: the time now, and no version floors (the tool
 * does not know what each handset has applied). Verifying never changes it; committing is refused.
 */
final class RecordedTime implements TimeFloor {

    /** No floor anywhere: the tool checks signatures, target and expiry, not rollback. */
    static final VersionFloors NO_FLOORS = new VersionFloors() {
        @Override
        public Optional<VersionFloor> floor(FloorKey key) {
            return Optional.empty();
        }

        @Override
        public void raise(FloorKey key, VersionFloor floor) {
            throw new UnsupportedOperationException("the operator's tool keeps no floors");
        }

        @Override
        public void clear(Role role) {
            throw new UnsupportedOperationException("the operator's tool keeps no floors");
        }
    };

    private final Instant now;

    RecordedTime(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    @Override
    public Instant notEarlierThan() {
        return now;
    }

    @Override
    public void raiseTo(Instant instant) {
        throw new UnsupportedOperationException("the operator's tool keeps no time floor");
    }
}
