package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.redoubt.runtime.release.ReleaseBundle;
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
        Path temporary = slot.resolveSibling(slot.getFileName() + ".new");
        DurableFiles.deleteTree(temporary);
        Path bundles = temporary.resolve(ReleaseVerifier.BUNDLES);
        Files.createDirectories(bundles);
        for (ReleaseBundle bundle : release.bundles()) {
            DurableFiles.write(temporary.resolve(bundle.file()), release.content(bundle));
        }
        DurableFiles.write(temporary.resolve(ReleaseVerifier.MANIFEST), release.manifestBytes());
        DurableFiles.forceDirectory(bundles);
        DurableFiles.forceDirectory(temporary);
        DurableFiles.deleteTree(slot);
        Files.move(temporary, slot, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(slot.getParent());
    }
}
