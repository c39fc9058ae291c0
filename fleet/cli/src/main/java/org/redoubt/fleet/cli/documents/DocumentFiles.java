package org.redoubt.fleet.cli.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.redoubt.fleet.cli.FleetException;

/** Document and envelope files, read under the tool's size cap and replaced whole when written. */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /**
     * @param file a document or envelope file
     * @return its bytes
     * @throws FleetException when it is missing, unreadable or over {@link DocumentKind#MAX_ENVELOPE_BYTES}
     */
    public static byte[] read(Path file) throws FleetException {
        try {
            if (Files.size(file) > DocumentKind.MAX_ENVELOPE_BYTES) {
                throw new FleetException(file + " is over the cap of " + DocumentKind.MAX_ENVELOPE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FleetException(file + " does not exist", e);
        } catch (IOException e) {
            throw new FleetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes through a temporary file in the same directory and a rename, so that a reader (or a
     * co-signer's envelope being replaced) never sees half a file.
     *
     * @param file  the file
     * @param bytes its new content
     * @throws FleetException when it cannot be written
     */
    public static void write(Path file, byte[] bytes) throws FleetException {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".fleet-", ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new FleetException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
