package org.redoubt.runtime.slots;

import java.util.List;
import java.util.Objects;

/**
 * What an authentic release manifest lists, for fetching its files before it is staged.
 *
 * @param release  the release number
 * @param manifest the name of the manifest file in a release directory
 * @param files    the files, each to be placed at its {@code file} path in a release directory
 * @param signers  the hex key ids of the release keys whose signatures on the manifest are valid
 *                 (for a policy's {@code bundles.allow})
 * @since 1.0
 */
public record ReleaseContents(long release, String manifest, List<ReleaseFile> files, java.util.Set<String> signers) {

    /** Copies the collections. */
    public ReleaseContents {
        Objects.requireNonNull(manifest, "manifest");
        files = List.copyOf(files);
        signers = java.util.Set.copyOf(signers);
    }

    /**
     * One file of a release.
     *
     * @param symbolicName the bundle's symbolic name, as the manifest lists it
     * @param file         its path in a release directory ({@code bundles/<name>.jar})
     * @param digest       its digest, {@code sha256:<lower-case hex>}
     * @param size         its length in bytes
     * @since 1.0
     */
    public record ReleaseFile(String symbolicName, String file, String digest, long size) {
        /** Checks that nothing is missing. */
        public ReleaseFile {
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(digest, "digest");
        }
    }
}
