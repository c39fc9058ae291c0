package org.redoubt.crypto.sealed.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.sealed.SealedStorageException;

class FileDeviceSecretTest {

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();

    @TempDir
    Path data;

    @Test
    void theSecretIsPrivateAndGivesOneKeyPerPurpose() throws Exception {
        Path file = data.resolve("secrets/storage-kek.secret");
        FileDeviceSecret secret = new FileDeviceSecret(data.resolve("secrets"), PROVIDER);
        byte[] storage = secret.deriveKey(HashAlgorithm.SHA256, "storage-kek", 32);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(FileDeviceSecret.LENGTH, Files.size(file));

        assertArrayEquals(storage, new FileDeviceSecret(data.resolve("secrets"), PROVIDER).deriveKey(HashAlgorithm.SHA256, "storage-kek", 32),
                "the same purpose gives the same key after a restart");
        assertFalse(Arrays.equals(storage, secret.deriveKey(HashAlgorithm.SHA256, "device-identity-key", 32)));
        assertFalse(Arrays.equals(storage, secret.deriveKey(HashAlgorithm.SM3, "storage-kek", 32)));
    }

    @Test
    void destroyingOnePurposeLosesItsKeysAndKeepsTheOthers() throws Exception {
        Path file = data.resolve("secrets/storage-kek.secret");
        FileDeviceSecret secret = new FileDeviceSecret(data.resolve("secrets"), PROVIDER);
        byte[] before = secret.deriveKey(HashAlgorithm.SHA256, "storage-kek", 32);
        byte[] identity = secret.deriveKey(HashAlgorithm.SHA256, "device-identity-key", 32);
        secret.destroy("storage-kek");
        assertFalse(Files.exists(file));
        assertFalse(Arrays.equals(before, secret.deriveKey(HashAlgorithm.SHA256, "storage-kek", 32)));
        assertArrayEquals(identity, secret.deriveKey(HashAlgorithm.SHA256, "device-identity-key", 32),
                "wiping the stores keeps the identity key's secret");
    }

    @Test
    void aDamagedSecretIsReportedNotReplaced() throws Exception {
        Path file = data.resolve("secrets/storage-kek.secret");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[7]);
        FileDeviceSecret secret = new FileDeviceSecret(data.resolve("secrets"), PROVIDER);
        SealedStorageException e = assertThrows(SealedStorageException.class,
                () -> secret.deriveKey(HashAlgorithm.SHA256, "storage-kek", 32));
        assertEquals(SealedStorageException.Reason.DEVICE_SECRET_UNAVAILABLE, e.reason());
        assertEquals(7, Files.size(file), "a damaged secret is never silently replaced");
        for (String purpose : new String[] {"", "../keys", "Storage"}) {
            assertEquals(SealedStorageException.Reason.INVALID_ARGUMENT, assertThrows(SealedStorageException.class,
                    () -> secret.deriveKey(HashAlgorithm.SHA256, purpose, 32)).reason());
        }
    }

    @Test
    void secretBytesAreZeroAfterClose() {
        byte[] key = {1, 2, 3, 4};
        SecretBytes secret = new SecretBytes(key);
        secret.close();
        assertArrayEquals(new byte[4], key);
        assertTrue(secret.isDestroyed());
        assertThrows(IllegalStateException.class, secret::bytes);
    }
}
