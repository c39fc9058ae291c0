package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The runtime's persistent data directory, held under an exclusive lock while the runtime runs.
 *
 * <pre>
 * DATA/
 *   lock             one runtime per data directory (an OS file lock, released on exit or crash)
 *   boot.json        the boot record: committed slot and release, boot counter
 *   device.json      this handset's identity for document targets: device id, group, model
 *   trust/root.json  the provisioned trust root (a signed root document)
 *   slots/a, slots/b the A/B release slots: release.dsse + bundles/
 *   framework/       Felix storage, rebuilt from the verified release on every boot
 *   state/           state that survives restarts (state/config holds Config Admin's data)
 *   log/             redoubt.log, size-rotated
 * </pre>
 *
 * <p>The framework storage is rebuilt at every boot on purpose: the bundles that run are always
 * the bytes verified in that boot, never a cached copy that nobody checked. Everything that must
 * survive a restart therefore lives in {@code state/}.
 */
final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the layout if needed and takes the lock.
     *
     * @param root the data directory
     * @return the opened directory; close it to release the lock
     * @throws BootFailure {@link ExitCode#DATA_DIRECTORY} when it cannot be created or written,
     *                     {@link ExitCode#DATA_DIRECTORY_LOCKED} when another runtime holds it
     */
    static DataDirectory open(Path root) throws BootFailure {
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            for (String sub : new String[] {"slots", "state", "log", "trust"}) {
                Files.createDirectories(root.resolve(sub));
            }
            channel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new BootFailure(ExitCode.DATA_DIRECTORY_LOCKED,
                        "another Redoubt runtime is using the data directory " + root, null);
            }
            return new DataDirectory(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new BootFailure(ExitCode.DATA_DIRECTORY_LOCKED,
                    "this process already uses the data directory " + root, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot use the data directory " + root + ": " + e, e);
        } catch (BootFailure e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path root() {
        return root;
    }

    Path slot(Slot slot) {
        return root.resolve("slots").resolve(slot.directoryName());
    }

    Path bootRecord() {
        return root.resolve("boot.json");
    }

    Path device() {
        return root.resolve("device.json");
    }

    Path trustRoot() {
        return root.resolve("trust").resolve("root.json");
    }

    Path frameworkStorage() {
        return root.resolve("framework");
    }

    Path state() {
        return root.resolve("state");
    }

    Path log() {
        return root.resolve("log");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the original failure is what matters; the channel is gone with the process anyway
            }
        }
    }
}
