package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The agent's files: each written whole to a temporary file, forced to disk and renamed over the
 * old one, so that after a power cut a file holds either its old or its new content; each read
 * with a size cap, so that a damaged file cannot exhaust memory.
 */
final class StateFiles {

    private final Path directory;

    /**
     * @param directory where the files live; created on the first write
     */
    StateFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /**
     * @param name     a file name in the directory
     * @param maxBytes the most that is read
     * @return the content, empty when there is no such file
     * @throws IOException when it cannot be read or is larger than {@code maxBytes}
     */
    Optional<byte[]> read(String name, int maxBytes) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new IOException(file + " is larger than " + maxBytes + " bytes");
            }
            return Optional.of(content);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * @param name    a file name in the directory
     * @param content the new content
     * @throws IOException when it cannot be written; the old content is then still there
     */
    void write(String name, byte[] content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        Path temporary = directory.resolve(name + ".new");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened; the rename itself is atomic.
        }
    }
}
