package org.redoubt.runtime.launcher;

import java.util.Objects;

/**
 * What the launcher remembers between boots: which slot holds the committed release, its number,
 * and how often the runtime has booted. The A/B update work adds the candidate slot, its TESTING
 * state and its boot attempts here.
 *
 * @param committedSlot    the slot of the committed release
 * @param committedRelease its release number
 * @param bootCount        boots so far, this one included once {@link #nextBoot()} is saved
 */
record BootRecord(Slot committedSlot, long committedRelease, long bootCount) {

    BootRecord {
        Objects.requireNonNull(committedSlot, "committedSlot");
        if (committedRelease < 1 || bootCount < 0) {
            throw new IllegalArgumentException("release must be positive and boot count not negative");
        }
    }

    /** @return this record with one more boot counted */
    BootRecord nextBoot() {
        return new BootRecord(committedSlot, committedRelease, bootCount + 1);
    }

    /**
     * @param slot    the slot now holding the committed release
     * @param release its number
     * @return this record with a new committed release, boots kept
     */
    BootRecord commit(Slot slot, long release) {
        return new BootRecord(slot, release, bootCount);
    }
}
