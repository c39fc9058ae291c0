package org.redoubt.runtime.launcher;

import java.util.Objects;
import java.util.Optional;

/**
 * What the launcher remembers between boots: which slot holds the committed release, its number,
 * how often the runtime has booted, the candidate release being tested (if any) and the last
 * candidate that was rolled back.
 *
 * @param committedSlot    the slot of the committed release
 * @param committedRelease its release number
 * @param bootCount        boots so far, this one included once {@link #nextBoot()} is saved
 * @param candidate        a release staged in the other slot, booted in TESTING until committed
 * @param rolledBack       the last candidate given up, and why
 */
record BootRecord(Slot committedSlot, long committedRelease, long bootCount, Optional<Candidate> candidate,
        Optional<RolledBack> rolledBack) {

    /** Boots a candidate gets without being committed before the launcher falls back. */
    static final int MAX_ATTEMPTS = 3;

    /**
     * A release staged in the slot that is not committed, to be tested.
     *
     * @param slot     its slot (never the committed one)
     * @param release  its release number (above the committed one)
     * @param attempts boots of it so far without a commit
     */
    record Candidate(Slot slot, long release, int attempts) {
        Candidate {
            Objects.requireNonNull(slot, "slot");
            if (release < 1 || attempts < 0) {
                throw new IllegalArgumentException("candidate release must be positive and attempts not negative");
            }
        }
    }

    /**
     * @param release the candidate release given up
     * @param reason  why, for the release agent's ack
     */
    record RolledBack(long release, String reason) {
        RolledBack {
            Objects.requireNonNull(reason, "reason");
        }
    }

    BootRecord {
        Objects.requireNonNull(committedSlot, "committedSlot");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(rolledBack, "rolledBack");
        if (committedRelease < 1 || bootCount < 0) {
            throw new IllegalArgumentException("release must be positive and boot count not negative");
        }
        if (candidate.isPresent() && (candidate.get().slot() == committedSlot
                || candidate.get().release() <= committedRelease)) {
            throw new IllegalArgumentException("a candidate is a higher release in the other slot");
        }
    }

    /** A record without candidate. */
    BootRecord(Slot committedSlot, long committedRelease, long bootCount) {
        this(committedSlot, committedRelease, bootCount, Optional.empty(), Optional.empty());
    }

    /** @return this record with one more boot counted */
    BootRecord nextBoot() {
        return new BootRecord(committedSlot, committedRelease, bootCount + 1, candidate, rolledBack);
    }

    /**
     * @param slot    the slot now holding the committed release
     * @param release its number
     * @return this record with a new committed release, boots kept, no candidate
     */
    BootRecord commit(Slot slot, long release) {
        return new BootRecord(slot, release, bootCount, Optional.empty(), rolledBack);
    }

    /**
     * @param slot    the slot the candidate was written into (not the committed one)
     * @param release its number (above the committed one)
     * @return this record with that candidate, not booted yet
     */
    BootRecord stage(Slot slot, long release) {
        return new BootRecord(committedSlot, committedRelease, bootCount, Optional.of(new Candidate(slot, release, 0)),
                rolledBack);
    }

    /** @return this record with one more boot of the candidate counted */
    BootRecord candidateAttempt() {
        Candidate c = candidate.orElseThrow();
        return new BootRecord(committedSlot, committedRelease, bootCount,
                Optional.of(new Candidate(c.slot(), c.release(), c.attempts() + 1)), rolledBack);
    }

    /** @return the candidate committed: its slot and number become the committed ones */
    BootRecord commitCandidate() {
        Candidate c = candidate.orElseThrow();
        return new BootRecord(c.slot(), c.release(), bootCount, Optional.empty(), Optional.empty());
    }

    /**
     * @param reason why the candidate is given up
     * @return this record without the candidate, remembering it as rolled back
     */
    BootRecord rollBack(String reason) {
        Candidate c = candidate.orElseThrow();
        return new BootRecord(committedSlot, committedRelease, bootCount, Optional.empty(),
                Optional.of(new RolledBack(c.release(), reason)));
    }
}
