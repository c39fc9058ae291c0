package org.redoubt.crypto.keystore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;

/**
 * The keystore's files: read with a size bound, written whole or not at all, readable by the
 * runtime's user only. A write goes to a temporary file of mode 0600 in the same directory, is
 * forced to the device, renamed over the target, and the directory is forced too, so that after a
 * power cut the file is either the old one or the new one, and a file that was reported written is
 * still there.
 */
final class OwnerOnlyFiles {

    private static final FileAttribute<?> OWNER_ONLY_FILE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    private OwnerOnlyFiles() {
    }

    /**
     * @param file     the file
     * @param maxBytes the largest content accepted
     * @return the content, empty when there is no such file
     * @throws KeystoreException {@link Reason#IO_FAILURE} when it cannot be read (a directory in its
     *                           place, no permission), {@link Reason#MALFORMED} when it is larger
     *                           than {@code maxBytes}
     */
    static Optional<byte[]> readIfExists(Path file, int maxBytes) throws KeystoreException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new KeystoreException(Reason.MALFORMED, file + " is larger than " + maxBytes + " bytes", null);
            }
            return Optional.of(content);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KeystoreException(Reason.IO_FAILURE, "cannot read " + file, e);
        }
    }

    /**
     * Creates the directory (mode 0700) if needed and replaces {@code file} atomically with a file
     * of mode 0600 holding {@code content}.
     *
     * @param file    the file
     * @param content its new content
     * @throws KeystoreException {@link Reason#IO_FAILURE} when it cannot be written; the old file,
     *                           if any, is then unchanged
     */
    static void write(Path file, byte[] content) throws KeystoreException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        try {
            if (posix) {
                Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
            } else {
                Files.createDirectories(directory);
            }
            // A temporary file left by a power cut is stale: nobody else writes here.
            Files.deleteIfExists(temporary);
            try (FileChannel channel = posix
                    ? FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            OWNER_ONLY_FILE)
                    : FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            if (posix) {
                // Makes the rename itself durable; opening a directory for reading works on POSIX.
                try (FileChannel parent = FileChannel.open(directory, StandardOpenOption.READ)) {
                    parent.force(true);
                }
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new KeystoreException(Reason.IO_FAILURE, "cannot write " + file, e);
        }
    }
}
