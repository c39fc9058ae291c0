package org.redoubt.runtime.release;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A release whose every bundle passed verification, together with the verified bytes.
 *
 * <p>Installing from these bytes (never by reopening the files) means nothing can change between
 * the check and the use.
 *
 * @param manifest     the verified manifest
 * @param manifestBytes the exact signed manifest (the envelope), as it is written into a slot
 * @param contents     the verified content of every listed bundle, by symbolic name (a string key:
 *                     hashing the records themselves would bootstrap their generated methods on
 *                     the boot path, which costs tens of milliseconds)
 */
public record VerifiedRelease(ReleaseManifest manifest, byte[] manifestBytes, Map<String, byte[]> contents) {

    /** Checks that every listed bundle has its content. */
    public VerifiedRelease {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifestBytes, "manifestBytes");
        contents = Map.copyOf(contents);
        for (ReleaseBundle bundle : manifest.bundles()) {
            if (!contents.containsKey(bundle.symbolicName())) {
                throw new IllegalArgumentException("no verified content for " + bundle.displayName());
            }
        }
    }

    /** @return the bundles in install order */
    public List<ReleaseBundle> bundles() {
        return manifest.bundles();
    }

    /**
     * @param bundle a bundle of this release
     * @return its verified bytes
     */
    public byte[] content(ReleaseBundle bundle) {
        return contents.get(bundle.symbolicName());
    }
}
