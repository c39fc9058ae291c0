package org.redoubt.crypto.sealed.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.SealedStorageException.Reason;

/**
 * The emulator's device secret: per purpose, {@value #LENGTH} random bytes in
 * {@code <directory>/<purpose>.secret}, readable only by the runtime's user (mode 0600 inside a
 * 0700 directory), written atomically. A handset build replaces this with key slots of its secure
 * element; the interface is the same.
 */
public final class FileDeviceSecret implements DeviceSecret {

    /** Length of each secret in bytes. */
    public static final int LENGTH = 32;
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,32}");
    private static final String INFO_PREFIX = "redoubt/device-secret/v1/";

    private final Path directory;
    private final CryptoProvider provider;
    private final Object lock = new Object();

    /**
     * @param directory where the secrets live, e.g. {@code <data>/secrets}
     * @param provider  HKDF and the random source
     */
    public FileDeviceSecret(Path directory, CryptoProvider provider) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public byte[] deriveKey(HashAlgorithm hash, String purpose, int length) throws SealedStorageException {
        Objects.requireNonNull(hash, "hash");
        Path file = file(purpose);
        if (length < 16 || length > 64) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "a key length is 16..64", null);
        }
        synchronized (lock) {
            byte[] secret = readOrCreate(file);
            try {
                return provider.hkdf(hash, secret, new byte[0],
                        (INFO_PREFIX + purpose).getBytes(StandardCharsets.UTF_8), length);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    @Override
    public void destroy(String purpose) throws SealedStorageException {
        Path file = file(purpose);
        synchronized (lock) {
            try {
                if (Files.exists(file)) {
                    // Overwrite first: on storage that rewrites in place this removes the bytes;
                    // on flash it at least leaves no readable file behind the delete.
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(provider.randomBytes(LENGTH)), 0);
                        channel.force(true);
                    }
                    Files.delete(file);
                    PrivateFiles.syncDirectory(file.toAbsolutePath().getParent());
                }
            } catch (IOException e) {
                throw new SealedStorageException(Reason.DEVICE_SECRET_UNAVAILABLE,
                        "could not destroy the device secret at " + file, e);
            }
        }
    }

    private Path file(String purpose) throws SealedStorageException {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "a purpose is 1..32 of a-z 0-9 -", null);
        }
        return directory.resolve(purpose + ".secret");
    }

    private byte[] readOrCreate(Path file) throws SealedStorageException {
        try {
            byte[] secret = Files.readAllBytes(file);
            if (secret.length != LENGTH) {
                Arrays.fill(secret, (byte) 0);
                throw new SealedStorageException(Reason.DEVICE_SECRET_UNAVAILABLE,
                        "the device secret at " + file + " has the wrong length", null);
            }
            return secret;
        } catch (NoSuchFileException e) {
            return create(file);
        } catch (IOException e) {
            throw new SealedStorageException(Reason.DEVICE_SECRET_UNAVAILABLE,
                    "could not read the device secret at " + file, e);
        }
    }

    private byte[] create(Path file) throws SealedStorageException {
        byte[] secret = provider.randomBytes(LENGTH);
        try {
            PrivateFiles.writeAtomically(file, secret);
            return secret;
        } catch (IOException e) {
            Arrays.fill(secret, (byte) 0);
            throw new SealedStorageException(Reason.DEVICE_SECRET_UNAVAILABLE,
                    "could not create the device secret at " + file, e);
        }
    }
}
