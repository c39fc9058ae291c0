package org.redoubt.crypto.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.SealedStorageException;

/**
 * The identity key in {@code <keys>/device-identity.json}, sealed under a key derived from the
 * device secret (not from the PIN: the handset must reach its broker while locked, so that
 * policies and a WIPE still arrive). The first load generates it in the active suite and writes
 * the certificate request next to it as {@code device.csr}. Close it to destroy the private key.
 */
public final class SealedIdentityKey implements DeviceKeystore, AutoCloseable {

    /** The sealed key's file name. */
    public static final String KEY_FILE = "device-identity.json";
    /** The certificate request's file name, for the operator. */
    public static final String CSR_FILE = "device.csr";

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String PURPOSE = "device-identity-key";

    private final String deviceId;
    private final Suite suite;
    private final SigningKey key;
    private final String certificateRequest;

    private SealedIdentityKey(String deviceId, Suite suite, SigningKey key) {
        this.deviceId = deviceId;
        this.suite = suite;
        this.key = key;
        this.certificateRequest = CertificationRequests.pem(key, deviceId);
    }

    /**
     * @param keys         the directory of the key files (created, mode 0700)
     * @param deviceId     the device id
     * @param provider     the primitives
     * @param deviceSecret seals the key to this handset
     * @param activeSuite  the suite of a key generated now
     * @return the keystore
     * @throws KeystoreException when the id is invalid or an existing key file cannot be used; a
     *                           damaged key file is never replaced
     */
    public static SealedIdentityKey loadOrCreate(Path keys, String deviceId, CryptoProvider provider,
            DeviceSecret deviceSecret, Suite activeSuite) throws KeystoreException {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(deviceSecret, "deviceSecret");
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new KeystoreException(Reason.INVALID_DEVICE_ID, "a device id is 1..64 of A-Z a-z 0-9 . _ -", null);
        }
        Path file = keys.resolve(KEY_FILE);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return create(keys, deviceId, provider, deviceSecret, activeSuite);
        } catch (IOException e) {
            throw new KeystoreException(Reason.IO_FAILURE, "cannot read " + file, e);
        }
        IdentityKeyFile sealed = IdentityKeyFile.decode(stored);
        return new SealedIdentityKey(deviceId, sealed.suite(), open(sealed, provider, deviceSecret));
    }

    private static SealedIdentityKey create(Path keys, String deviceId, CryptoProvider provider,
            DeviceSecret deviceSecret, Suite suite) throws KeystoreException {
        DistinguishingId id = suite.deviceKeyScheme().needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT
                : DistinguishingId.NONE;
        SigningKey key = provider.generateSigningKey(suite.deviceKeyScheme(), id);
        try {
            byte[] nonce = provider.randomBytes(AeadAlgorithm.NONCE_LENGTH);
            byte[] pkcs8 = key.encodePrivateKey();
            byte[] sealed;
            try (AeadCipher cipher = cipher(provider, deviceSecret, suite)) {
                sealed = cipher.seal(nonce, associatedData(key.verificationKey()), pkcs8);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
            SealedIdentityKey created = new SealedIdentityKey(deviceId, suite, key);
            writePrivately(keys.resolve(KEY_FILE), new IdentityKeyFile(suite, key.verificationKey(), nonce, sealed).encode());
            writePrivately(keys.resolve(CSR_FILE), created.certificateRequest.getBytes(StandardCharsets.US_ASCII));
            return created;
        } catch (KeystoreException | RuntimeException e) {
            key.close();
            throw e;
        }
    }

    private static SigningKey open(IdentityKeyFile sealed, CryptoProvider provider, DeviceSecret deviceSecret)
            throws KeystoreException {
        byte[] pkcs8;
        try (AeadCipher cipher = cipher(provider, deviceSecret, sealed.suite())) {
            pkcs8 = cipher.open(sealed.nonce(), associatedData(sealed.publicKey()), sealed.sealed());
        } catch (CryptoException e) {
            throw new KeystoreException(Reason.TAMPERED, "the sealed identity key does not open on this handset "
                    + "(tampered, or sealed under another device secret)", e);
        }
        try {
            SigningKey key = provider.importSigningKey(sealed.publicKey().scheme(), pkcs8,
                    sealed.publicKey().distinguishingId());
            if (!key.verificationKey().equals(sealed.publicKey())) {
                key.close();
                throw new KeystoreException(Reason.TAMPERED, "the sealed private key does not match the public key", null);
            }
            return key;
        } catch (CryptoException e) {
            throw new KeystoreException(Reason.TAMPERED, "the sealed identity key is not a valid key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static AeadCipher cipher(CryptoProvider provider, DeviceSecret deviceSecret, Suite suite)
            throws KeystoreException {
        byte[] key;
        try {
            key = deviceSecret.deriveKey(suite.hash(), PURPOSE, suite.aead().keyLength());
        } catch (SealedStorageException e) {
            throw new KeystoreException(Reason.DEVICE_SECRET_UNAVAILABLE, "the device secret cannot be used", e);
        }
        try {
            return provider.aead(suite.aead(), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Binds the sealed key to its public half, scheme and identifier. */
    private static byte[] associatedData(VerificationKey publicKey) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes(("redoubt/keystore/identity/v1\u0000" + publicKey.scheme().id() + "\u0000")
                .getBytes(StandardCharsets.UTF_8));
        aad.writeBytes(publicKey.distinguishingId().bytes());
        aad.write(0);
        aad.writeBytes(publicKey.subjectPublicKeyInfo());
        return aad.toByteArray();
    }

    /** Temporary file of mode 0600, forced to disk, renamed over the target. */
    private static void writePrivately(Path file, byte[] content) throws KeystoreException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
            Path temporary = directory.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            FileAttribute<?>[] mode = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(temporary, mode);
            Files.write(temporary, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeystoreException(Reason.IO_FAILURE, "cannot write " + file, e);
        }
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Suite suite() {
        return suite;
    }

    @Override
    public VerificationKey identityKey() {
        return key.verificationKey();
    }

    @Override
    public byte[] sign(byte[] message) {
        return key.sign(message);
    }

    @Override
    public String certificateRequest() {
        return certificateRequest;
    }

    /** Destroys the private key. */
    @Override
    public void close() {
        key.close();
    }
}
