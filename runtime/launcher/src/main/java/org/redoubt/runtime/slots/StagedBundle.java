package org.redoubt.runtime.slots;

import java.util.Objects;

/**
 * One bundle of a staged release.
 *
 * @param symbolicName its symbolic name
 * @param version      its version
 * @param startLevel   its start level
 * @param location     the location the launcher installs it at, and a live install must use
 * @param digest       its digest as the manifest lists it ({@code sha256:<hex>} or {@code sm3:<hex>})
 * @param content      the verified bytes (not copied: do not change them)
 * @since 1.0
 */
public record StagedBundle(String symbolicName, String version, int startLevel, String location, String digest,
        byte[] content) {

    /** Checks that nothing is missing. */
    public StagedBundle {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(content, "content");
    }
}
