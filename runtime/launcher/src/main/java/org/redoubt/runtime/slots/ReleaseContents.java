package org.redoubt.runtime.slots;

import java.util.List;
import java.util.Objects;

/**
 * What an authentic release manifest lists, for fetching its files before it is staged.
 *
 * @param release  the release number
 * @param manifest the name of the manifest file in a release directory
 * @param files    the files, each to be placed at its {@code file} path in a release directory
 * @since 1.0
 */
public record ReleaseContents(long release, String manifest, List<ReleaseFile> files) {

    /** Copies the list. */
    public ReleaseContents {
        Objects.requireNonNull(manifest, "manifest");
        files = List.copyOf(files);
    }

    /**
     * One file of a release.
     *
     * @param file   its path in a release directory ({@code bundles/<name>.jar})
     * @param digest its digest, {@code sha256:<lower-case hex>}
     * @param size   its length in bytes
     * @since 1.0
     */
    public record ReleaseFile(String file, String digest, long size) {
        /** Checks that nothing is missing. */
        public ReleaseFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(digest, "digest");
        }
    }
}
