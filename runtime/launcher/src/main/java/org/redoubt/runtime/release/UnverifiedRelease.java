package org.redoubt.runtime.release;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A release whose manifest has been read and parsed, but whose bundles have not been checked yet.
 * Nothing of it may be installed: only {@link ReleaseVerifier#verify(UnverifiedRelease)} turns it
 * into a {@link VerifiedRelease}. Reading the manifest first lets the launcher prepare the
 * framework while the bundles are being hashed.
 *
 * @param directory     the release directory
 * @param manifestBytes the exact signed manifest (the envelope)
 * @param manifest      the parsed manifest
 */
public record UnverifiedRelease(Path directory, byte[] manifestBytes, ReleaseManifest manifest) {

    /** Checks for nulls. */
    public UnverifiedRelease {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifestBytes, "manifestBytes");
        Objects.requireNonNull(manifest, "manifest");
    }
}
