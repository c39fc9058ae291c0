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
 * @param content      reads its bytes from the slot and checks them against the manifest, each time:
 *                     a release is not held in memory (a handset's heap holds one bundle at a time)
 * @since 1.0
 */
public record StagedBundle(String symbolicName, String version, int startLevel, String location, String digest,
        BundleContent content) {

    /**
     * The verified bytes of a staged bundle, read on demand.
     *
     * @since 1.0
     */
    @FunctionalInterface
    public interface BundleContent {
        /**
         * @return the bytes, checked against the manifest's size and digest
         * @throws SlotException {@code REJECTED} when the file in the slot is not the listed one,
         *                       {@code STORAGE} when it cannot be read
         */
        byte[] read() throws SlotException;
    }

    /** Checks that nothing is missing. */
    public StagedBundle {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(content, "content");
    }
}
