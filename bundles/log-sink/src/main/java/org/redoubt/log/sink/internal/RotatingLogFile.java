package org.redoubt.log.sink.internal;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A log file that is rotated by size: {@code name}, {@code name.1}, ... {@code name.(files-1)},
 * newest to oldest.
 *
 * <p>Before a line would make the live file larger than {@code maxBytes}, the live file becomes
 * {@code name.1}, each {@code name.i} becomes {@code name.(i+1)} and the oldest file is dropped,
 * so that at most {@code files} files exist, the live one included. A line longer than
 * {@code maxBytes} is written alone into a fresh live file. An existing live file is appended to
 * and its size counts.
 *
 * <p>Each line is handed to the operating system in one write, without buffering in this process,
 * so a killed process loses no written line. Lines are not forced to storage (no fsync per line:
 * that would wear flash); a power cut may lose what the kernel had not written yet.
 *
 * <p>The directory is created on the first write if missing. New files and directories are
 * readable by the owner only where the file system has POSIX permissions.
 *
 * <p>Thread-safe: lines from concurrent callers are written whole, one after the other.
 */
final class RotatingLogFile implements Closeable {

    private static final byte[] NEWLINE = {'\n'};
    private static final Set<OpenOption> CREATE_ONLY = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    private final Path directory;
    private final String fileName;
    private final Path live;
    private final long maxBytes;
    private final int files;

    // A stream, not a FileChannel: a channel closes itself when the writing thread is interrupted,
    // and any thread may log while being interrupted (a component stopping its executor, say).
    private OutputStream channel; // guarded by this; null until the first write and after rotation
    private long size;            // guarded by this; bytes in the live file while channel is open
    private boolean closed;       // guarded by this

    /**
     * @param directory the directory of the files; created on the first write if missing
     * @param fileName  the live file's name, a plain name without a directory part
     * @param maxBytes  the size the live file may reach, at least 1
     * @param files     how many files are kept, the live one included, at least 1
     * @throws IllegalArgumentException when an argument is out of range (a programming error)
     */
    RotatingLogFile(Path directory, String fileName, long maxBytes, int files) {
        if (!isPlainFileName(fileName)) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        if (maxBytes < 1 || files < 1) {
            throw new IllegalArgumentException("maxBytes and files must be at least 1");
        }
        this.directory = directory;
        this.fileName = fileName;
        this.live = directory.resolve(fileName);
        this.maxBytes = maxBytes;
        this.files = files;
    }

    /**
     * @param name a candidate file name
     * @return whether it names a file inside a directory: not empty, not {@code .} or {@code ..},
     *         without a path separator ({@code / \ :}) or a control character
     */
    static boolean isPlainFileName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c));
    }

    /** @return the path of the live file */
    Path liveFile() {
        return live;
    }

    /**
     * Appends one line and a line feed, rotating first when the line would not fit.
     *
     * @param line the text of the line, without a line terminator
     * @throws IOException when the directory, the file or a rotation fails, or the file is closed;
     *                     the line may then be lost, and a later call tries again
     */
    synchronized void append(String line) throws IOException {
        if (closed) {
            throw new IOException("log file " + live + " is closed");
        }
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        long length = text.length + (long) NEWLINE.length;
        OutputStream out = open();
        if (size > 0 && size + length > maxBytes) {
            rotate();
            out = open();
        }
        byte[] whole = new byte[Math.toIntExact(length)];
        System.arraycopy(text, 0, whole, 0, text.length);
        System.arraycopy(NEWLINE, 0, whole, text.length, NEWLINE.length);
        out.write(whole); // one write call: the line reaches the file whole or not at all
        size += length;
    }

    /**
     * Closes the live file; later writes fail. Closing twice does nothing.
     *
     * @throws IOException when closing the file fails
     */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        closeChannel();
    }

    /** @return the path of backup number {@code n} (1 is the newest backup) */
    Path backup(int n) {
        return directory.resolve(fileName + "." + n);
    }

    private OutputStream open() throws IOException {
        if (channel == null) {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, ownerOnly(directory.getFileSystem(), "rwx------"));
            }
            if (!Files.exists(live)) {
                // Created owner-only first; the stream below only appends.
                Files.newByteChannel(live, CREATE_ONLY, ownerOnly(live.getFileSystem(), "rw-------")).close();
            }
            channel = new FileOutputStream(live.toFile(), true);
            size = Files.size(live);
        }
        return channel;
    }

    private void rotate() throws IOException {
        closeChannel();
        if (files == 1) {
            Files.deleteIfExists(live);
            return;
        }
        Files.deleteIfExists(backup(files - 1));
        for (int n = files - 2; n >= 1; n--) {
            Path from = backup(n);
            if (Files.exists(from)) {
                Files.move(from, backup(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(live, backup(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private void closeChannel() throws IOException {
        OutputStream open = channel;
        channel = null;
        size = 0;
        if (open != null) {
            open.close();
        }
    }

    private static FileAttribute<?>[] ownerOnly(FileSystem fileSystem, String permissions) {
        if (!fileSystem.supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }
}
