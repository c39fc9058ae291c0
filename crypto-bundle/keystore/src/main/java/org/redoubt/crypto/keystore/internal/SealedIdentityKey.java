package org.redoubt.crypto.keystore.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.net.ssl.X509KeyManager;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.crypto.sealed.DeviceSecret;

/**
 * The identity key in {@code <keys>/device-identity.json}, sealed under a key derived from the
 * device secret (not from the PIN: the handset must reach its broker while locked, so that
 * policies and a WIPE still arrive). The first load generates it in the active suite and writes
 * the certificate request next to it as {@code device.csr}; a later load writes the request again
 * only when that file is missing. Close it to destroy the private key.
 */
public final class SealedIdentityKey implements DeviceKeystore, AutoCloseable {

    /** The sealed key's file name. */
    public static final String KEY_FILE = "device-identity.json";
    /** The certificate request's file name, for the operator. */
    public static final String CSR_FILE = "device.csr";

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String deviceId;
    private final Suite suite;
    private final SigningKey key;
    private final VerificationKey publicKey;
    private final String certificateRequest;

    private SealedIdentityKey(String deviceId, Suite suite, SigningKey key, String certificateRequest) {
        this.deviceId = deviceId;
        this.suite = suite;
        this.key = key;
        this.publicKey = key.verificationKey();
        this.certificateRequest = certificateRequest;
    }

    /** Takes the key over: it is closed if the request cannot be made. */
    private static SealedIdentityKey of(String deviceId, Suite suite, SigningKey key) {
        try {
            return new SealedIdentityKey(deviceId, suite, key, CertificationRequests.pem(key, deviceId));
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
    }

    /**
     * Loads the identity key, or generates it when there is no key file. Nothing is written unless
     * the key was generated now or {@code device.csr} is missing; an existing key file is never
     * written at all.
     *
     * @param keys         the directory of the key files (created with mode 0700 if missing)
     * @param deviceId     the device id: 1..64 of {@code A-Z a-z 0-9 . _ -}
     * @param provider     the primitives
     * @param deviceSecret seals the key to this handset
     * @param activeSuite  the suite of a key generated now; an existing key keeps its own
     * @param journal      receives one line per event (key generated or loaded, request written);
     *                     never key material
     * @return the keystore; close it to destroy the private key
     * @throws KeystoreException {@link Reason#INVALID_DEVICE_ID} before anything is touched; for an
     *                           existing file {@link Reason#MALFORMED}, {@link Reason#UNSUPPORTED}
     *                           or {@link Reason#TAMPERED}, and the file is left as it is;
     *                           {@link Reason#DEVICE_SECRET_UNAVAILABLE}; {@link Reason#IO_FAILURE}
     */
    public static SealedIdentityKey loadOrCreate(Path keys, String deviceId, CryptoProvider provider,
            DeviceSecret deviceSecret, Suite activeSuite, Consumer<String> journal) throws KeystoreException {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(activeSuite, "activeSuite");
        Objects.requireNonNull(journal, "journal");
        checkDeviceId(deviceId);
        IdentitySeal seal = new IdentitySeal(provider, deviceSecret);
        Optional<byte[]> stored = OwnerOnlyFiles.readIfExists(keys.resolve(KEY_FILE), IdentityKeyFile.MAX_BYTES);
        if (stored.isEmpty()) {
            return create(keys, deviceId, provider, seal, activeSuite, journal);
        }
        IdentityKeyFile file = IdentityKeyFile.decode(stored.get());
        SealedIdentityKey loaded = of(deviceId, file.suite(), seal.open(file));
        try {
            journal.accept("device identity key " + loaded.publicKey + " (" + file.suite() + ") loaded");
            if (!Files.exists(keys.resolve(CSR_FILE))) {
                // A power cut between the two first-boot writes, or an operator who took the file away.
                loaded.writeCertificateRequest(keys, journal);
            }
            return loaded;
        } catch (KeystoreException | RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    private static void checkDeviceId(String deviceId) throws KeystoreException {
        if (deviceId == null) {
            throw new KeystoreException(Reason.INVALID_DEVICE_ID, "there is no device id", null);
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            // The value itself is not repeated: it may hold anything, including line breaks.
            throw new KeystoreException(Reason.INVALID_DEVICE_ID, "the device id (" + deviceId.length()
                    + " characters) is not 1..64 of A-Z a-z 0-9 . _ -", null);
        }
    }

    private static SealedIdentityKey create(Path keys, String deviceId, CryptoProvider provider, IdentitySeal seal,
            Suite suite, Consumer<String> journal) throws KeystoreException {
        // SM2's identifier is always explicit, the default included; the other schemes take none.
        DistinguishingId id = suite.deviceKeyScheme().needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT
                : DistinguishingId.NONE;
        SealedIdentityKey created = of(deviceId, suite, provider.generateSigningKey(suite.deviceKeyScheme(), id));
        try {
            OwnerOnlyFiles.write(keys.resolve(KEY_FILE), seal.seal(suite, created.key).encode());
            journal.accept("device identity key " + created.publicKey + " (" + suite + ") generated and sealed in "
                    + keys.resolve(KEY_FILE));
            created.writeCertificateRequest(keys, journal);
            return created;
        } catch (KeystoreException | RuntimeException e) {
            created.close();
            throw e;
        }
    }

    private void writeCertificateRequest(Path keys, Consumer<String> journal) throws KeystoreException {
        OwnerOnlyFiles.write(keys.resolve(CSR_FILE), certificateRequest.getBytes(StandardCharsets.US_ASCII));
        journal.accept("certificate request for CN=" + deviceId + " written to " + keys.resolve(CSR_FILE));
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
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        return key.sign(message);
    }

    @Override
    public X509KeyManager tlsKeyManager(List<X509Certificate> chain) throws KeystoreException {
        return TlsIdentity.keyManager(key, chain);
    }

    @Override
    public String certificateRequest() {
        return certificateRequest;
    }

    /** Destroys the private key; {@link #sign} throws {@link IllegalStateException} afterwards. */
    @Override
    public void close() {
        key.close();
    }
}
