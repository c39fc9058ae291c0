package org.redoubt.fleet.cli.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.redoubt.fleet.cli.FleetException;

/**
 * Writes the files of a key ceremony, never over an existing file: secrets (private keys)
 * readable by their owner only, mode 0600 from creation on (so there is no moment at which another
 * user could open them), and public material (public keys, certificates, requests) as usual.
 */
public final class NewFiles {

    private NewFiles() {
    }

    /**
     * @param file the new file
     * @param text its content (ASCII)
     * @throws FleetException when the file exists or cannot be written
     */
    public static void createSecret(Path file, String text) throws FleetException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        create(file, text, posix ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0]);
    }

    /**
     * @param file the new file
     * @param text its content (ASCII)
     * @throws FleetException when the file exists or cannot be written
     */
    public static void createPublic(Path file, String text) throws FleetException {
        create(file, text, new FileAttribute<?>[0]);
    }

    private static void create(Path file, String text, FileAttribute<?>[] attributes) throws FleetException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createFile(file, attributes);
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new FleetException(file + " exists already: refusing to overwrite it", e);
        } catch (IOException e) {
            throw new FleetException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
