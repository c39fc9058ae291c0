package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.redoubt.runtime.release.ReleaseBundle;
import org.redoubt.runtime.release.ReleaseRejected;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.VerifiedRelease;

/**
 * Writes a verified release into a slot: from the verified bytes (never by copying the source files
 * again), into a temporary directory that is forced to disk and then renamed into place. The caller
 * never writes into the slot of the committed release, so a power cut at any point leaves the
 * committed release whole.
 */
final class SlotWriter {

    /**
     * @param release the verified release
     * @param slot    the slot directory, replaced as a whole
     * @throws IOException when writing fails
     */
    void write(VerifiedRelease release, Path slot) throws IOException {
        try {
            write(release.manifestBytes(), release.bundles(), release::content, slot);
        } catch (ReleaseRejected e) {
            throw new IllegalStateException("a verified release has every bundle", e);
        }
    }

    /** Reads one bundle's verified bytes. */
    @FunctionalInterface
    interface BundleReader {
        byte[] read(ReleaseBundle bundle) throws ReleaseRejected;
    }

    /**
     * Writes a release bundle by bundle, each read (and checked) only when it is written, so that
     * one bundle at a time is in memory.
     *
     * @param manifestBytes the signed manifest
     * @param bundles       its bundles
     * @param reader        the verified bytes of each
     * @param slot          the slot directory, replaced as a whole once every bundle is written
     * @throws IOException     when writing fails
     * @throws ReleaseRejected when a bundle does not verify; the slot is then untouched
     */
    void write(byte[] manifestBytes, java.util.List<ReleaseBundle> bundles, BundleReader reader, Path slot)
            throws IOException, ReleaseRejected {
        Path temporary = slot.resolveSibling(slot.getFileName() + ".new");
        DurableFiles.deleteTree(temporary);
        Path bundleDirectory = temporary.resolve(ReleaseVerifier.BUNDLES);
        Files.createDirectories(bundleDirectory);
        for (ReleaseBundle bundle : bundles) {
            DurableFiles.write(temporary.resolve(bundle.file()), reader.read(bundle));
        }
        DurableFiles.write(temporary.resolve(ReleaseVerifier.MANIFEST), manifestBytes);
        DurableFiles.forceDirectory(bundleDirectory);
        DurableFiles.forceDirectory(temporary);
        DurableFiles.deleteTree(slot);
        Files.move(temporary, slot, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(slot.getParent());
    }
}
