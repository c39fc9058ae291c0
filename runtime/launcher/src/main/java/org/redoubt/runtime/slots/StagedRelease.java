package org.redoubt.runtime.slots;

import java.util.List;
import java.util.Objects;

/**
 * A release the launcher verified and staged as the candidate.
 *
 * @param release its number
 * @param profile its profile ({@code production}, {@code engineering})
 * @param bundles its bundles in the manifest's order, with their verified bytes
 * @since 1.0
 */
public record StagedRelease(long release, String profile, List<StagedBundle> bundles) {

    /** Copies the list. */
    public StagedRelease {
        Objects.requireNonNull(profile, "profile");
        bundles = List.copyOf(bundles);
    }
}
