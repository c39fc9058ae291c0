package org.redoubt.crypto.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.SealedStorageException;

/**
 * Seals the identity key's PKCS#8 to this handset: the suite's AEAD under a key the device secret
 * derives for the purpose {@value #PURPOSE}, with the key's suite hash. The associated data binds
 * the sealed bytes to the scheme, the SM2 identifier and the public key stored next to them, so
 * none of those can be swapped without the seal failing. Every key and PKCS#8 array is cleared
 * after use.
 */
final class IdentitySeal {

    /** The device secret's purpose: its own slot, so wiping the stores leaves the identity. */
    static final String PURPOSE = "device-identity-key";

    private static final String CONTEXT = "redoubt/keystore/identity/v1";
    /** The context of the TLS transport key an SM handset keeps beside its SM2 identity. */
    private static final String TRANSPORT_CONTEXT = "redoubt/keystore/transport/v1";

    private final CryptoProvider provider;
    private final DeviceSecret deviceSecret;
    private final String context;

    IdentitySeal(CryptoProvider provider, DeviceSecret deviceSecret) {
        this(provider, deviceSecret, CONTEXT);
    }

    private IdentitySeal(CryptoProvider provider, DeviceSecret deviceSecret, String context) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.deviceSecret = Objects.requireNonNull(deviceSecret, "deviceSecret");
        this.context = context;
    }

    /**
     * @return a seal for the TLS transport key: the same device-secret key, another context in the
     *         associated data, so that the two key files cannot stand in for each other
     */
    IdentitySeal forTransport() {
        return new IdentitySeal(provider, deviceSecret, TRANSPORT_CONTEXT);
    }

    /**
     * @param suite the key's suite
     * @param key   the key; its PKCS#8 is sealed
     * @return the file content to store
     * @throws KeystoreException {@link Reason#DEVICE_SECRET_UNAVAILABLE}
     */
    IdentityKeyFile seal(Suite suite, SigningKey key) throws KeystoreException {
        VerificationKey publicKey = key.verificationKey();
        byte[] nonce = provider.randomBytes(AeadAlgorithm.NONCE_LENGTH);
        byte[] pkcs8 = key.encodePrivateKey();
        try (AeadCipher cipher = cipher(suite)) {
            return new IdentityKeyFile(suite, publicKey, nonce, cipher.seal(nonce, associatedData(context, publicKey), pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Unseals, imports, and checks that the private key belongs to the stored public key.
     *
     * @param file the stored key
     * @return the key; the caller closes it
     * @throws KeystoreException {@link Reason#TAMPERED} when the seal does not open or holds
     *                           another key, {@link Reason#DEVICE_SECRET_UNAVAILABLE}
     */
    SigningKey open(IdentityKeyFile file) throws KeystoreException {
        byte[] pkcs8 = unseal(file);
        try {
            SigningKey key = provider.importSigningKey(file.publicKey().scheme(), pkcs8, file.publicKey().distinguishingId());
            if (!key.verificationKey().equals(file.publicKey())) {
                key.close();
                throw new KeystoreException(Reason.TAMPERED,
                        "the sealed private key does not belong to the stored public key", null);
            }
            return key;
        } catch (CryptoException e) {
            throw new KeystoreException(Reason.TAMPERED, "the sealed identity key is not a valid "
                    + file.publicKey().scheme().id() + " key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * @param file the stored key
     * @return its PKCS#8; the caller clears the array
     * @throws KeystoreException {@link Reason#TAMPERED} when the seal does not open,
     *                           {@link Reason#DEVICE_SECRET_UNAVAILABLE}
     */
    byte[] unseal(IdentityKeyFile file) throws KeystoreException {
        try (AeadCipher cipher = cipher(file.suite())) {
            return cipher.open(file.nonce(), associatedData(context, file.publicKey()), file.sealed());
        } catch (CryptoException e) {
            throw new KeystoreException(Reason.TAMPERED, "the sealed identity key does not open on this handset "
                    + "(changed, copied from another handset, or its device secret was destroyed)", e);
        }
    }

    private AeadCipher cipher(Suite suite) throws KeystoreException {
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

    /**
     * @param publicKey the key the sealed bytes belong to
     * @return {@code context 0x00 scheme 0x00 identifier 0x00 SubjectPublicKeyInfo} (format 1;
     *         the layout is part of the file format). Context and scheme contain no 0x00; an
     *         identifier could, but moving bytes between it and the SPKI would have to leave an
     *         SPKI equal to the imported key's public half, which {@link #open} checks
     */
    static byte[] associatedData(VerificationKey publicKey) {
        return associatedData(CONTEXT, publicKey);
    }

    private static byte[] associatedData(String context, VerificationKey publicKey) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes((context + "\u0000" + publicKey.scheme().id() + "\u0000").getBytes(StandardCharsets.UTF_8));
        aad.writeBytes(publicKey.distinguishingId().bytes());
        aad.write(0);
        aad.writeBytes(publicKey.subjectPublicKeyInfo());
        return aad.toByteArray();
    }
}
