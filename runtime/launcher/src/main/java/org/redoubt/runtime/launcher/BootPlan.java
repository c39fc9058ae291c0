package org.redoubt.runtime.launcher;

import java.util.Objects;

import org.redoubt.runtime.release.UnverifiedRelease;

/**
 * What one boot runs: a release (not verified yet), the slot it boots from, whether it must first
 * be written into that slot, and the boot record to save once it is verified.
 *
 * @param release   the release, manifest read
 * @param slot      the slot it runs from
 * @param provision whether it comes from the factory release and must be written into the slot
 * @param record    the boot record of this boot (release committed, boot counted)
 * @param origin    how messages name it, e.g. {@code factory release}
 * @param testing   whether it is the candidate release, booted in TESTING: committed once ready
 */
record BootPlan(UnverifiedRelease release, Slot slot, boolean provision, BootRecord record, String origin,
        boolean testing) {

    BootPlan(UnverifiedRelease release, Slot slot, boolean provision, BootRecord record, String origin) {
        this(release, slot, provision, record, origin, false);
    }

    /** Checks the values. */
    BootPlan {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(origin, "origin");
    }
}
