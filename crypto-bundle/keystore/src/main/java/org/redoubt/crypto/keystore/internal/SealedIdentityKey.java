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
import org.redoubt.crypto.api.SignatureScheme;
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
    /** The sealed TLS transport key of a handset whose identity key cannot authenticate TLS (SM2). */
    public static final String TRANSPORT_KEY_FILE = "device-tls.json";
    /** The transport key's certificate request, for the operator. */
    public static final String TRANSPORT_CSR_FILE = "device-tls.csr";

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String deviceId;
    private final Suite suite;
    private final SigningKey key;
    private final VerificationKey publicKey;
    private final String certificateRequest;
    private final SigningKey transport;
    private final String transportRequest;

    private SealedIdentityKey(String deviceId, Suite suite, SigningKey key, String certificateRequest,
            SigningKey transport, String transportRequest) {
        this.deviceId = deviceId;
        this.suite = suite;
        this.key = key;
        this.publicKey = key.verificationKey();
        this.certificateRequest = certificateRequest;
        this.transport = transport;
        this.transportRequest = transportRequest;
    }

    /** Takes the key over: it is closed if the request cannot be made. */
    private static SealedIdentityKey of(String deviceId, Suite suite, SigningKey key) {
        try {
            return new SealedIdentityKey(deviceId, suite, key, CertificationRequests.pem(key, deviceId), null, null);
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
            return withTransport(create(keys, deviceId, provider, seal, activeSuite, journal), keys, provider, seal,
                    journal);
        }
        IdentityKeyFile file = IdentityKeyFile.decode(stored.get());
        SealedIdentityKey loaded = of(deviceId, file.suite(), seal.open(file));
        try {
            journal.accept("device identity key " + loaded.publicKey + " (" + file.suite() + ") loaded");
            if (!Files.exists(keys.resolve(CSR_FILE))) {
                // A power cut between the two first-boot writes, or an operator who took the file away.
                loaded.writeCertificateRequest(keys, journal);
            }
            return withTransport(loaded, keys, provider, seal, journal);
        } catch (KeystoreException | RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    /**
     * A handset whose identity key cannot authenticate TLS 1.3 (an SM2 key: no TLS stack here has
     * the SM cipher suites of RFC 8998) also keeps an ECDSA P-256 transport key, sealed the same
     * way in its own context, with its own certificate request. The identity key is unchanged.
     * Takes {@code identity} over: it is closed if the transport key cannot be had.
     */
    private static SealedIdentityKey withTransport(SealedIdentityKey identity, Path keys, CryptoProvider provider,
            IdentitySeal identitySeal, Consumer<String> journal) throws KeystoreException {
        if (identity.publicKey.scheme() == SignatureScheme.ECDSA_P256_SHA256) {
            return identity;
        }
        IdentitySeal seal = identitySeal.forTransport();
        SigningKey transport = null;
        try {
            Optional<byte[]> stored = OwnerOnlyFiles.readIfExists(keys.resolve(TRANSPORT_KEY_FILE), IdentityKeyFile.MAX_BYTES);
            if (stored.isPresent()) {
                transport = seal.open(IdentityKeyFile.decode(stored.get()));
                if (transport.verificationKey().scheme() != SignatureScheme.ECDSA_P256_SHA256) {
                    throw new KeystoreException(Reason.UNSUPPORTED, TRANSPORT_KEY_FILE + " holds a "
                            + transport.verificationKey().scheme().id() + " key, not ecdsa-p256-sha256", null);
                }
            } else {
                transport = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
                OwnerOnlyFiles.write(keys.resolve(TRANSPORT_KEY_FILE), seal.seal(Suite.NIST, transport).encode());
                journal.accept("TLS transport key " + transport.verificationKey() + " generated beside the "
                        + identity.publicKey.scheme().id() + " identity key and sealed in " + keys.resolve(TRANSPORT_KEY_FILE));
            }
            String request = CertificationRequests.pem(transport, identity.deviceId);
            if (!Files.exists(keys.resolve(TRANSPORT_CSR_FILE))) {
                OwnerOnlyFiles.write(keys.resolve(TRANSPORT_CSR_FILE), request.getBytes(StandardCharsets.US_ASCII));
                journal.accept("TLS certificate request for CN=" + identity.deviceId + " written to "
                        + keys.resolve(TRANSPORT_CSR_FILE));
            }
            return new SealedIdentityKey(identity.deviceId, identity.suite, identity.key, identity.certificateRequest,
                    transport, request);
        } catch (KeystoreException | RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            identity.close();
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
        return TlsIdentity.keyManager(transport == null ? key : transport, chain);
    }

    @Override
    public String tlsCertificateRequest() {
        return transport == null ? certificateRequest : transportRequest;
    }

    @Override
    public String certificateRequest() {
        return certificateRequest;
    }

    /** Destroys the private keys; {@link #sign} throws {@link IllegalStateException} afterwards. */
    @Override
    public void close() {
        key.close();
        if (transport != null) {
            transport.close();
        }
    }
}
