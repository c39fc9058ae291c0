package org.redoubt.policy.agent.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.keystore.KeystoreException;

/**
 * A handset identity for tests that run the agent outside the framework: a P-256 key made by the
 * test, presented through a JDK key manager as the keystore presents its own (the keystore's key
 * manager has its own TLS test in the keystore module).
 */
final class TestIdentity implements DeviceKeystore {

    private final String deviceId;
    private final KeyPair keys;

    TestIdentity(String deviceId, KeyPair keys) {
        this.deviceId = deviceId;
        this.keys = keys;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Suite suite() {
        return Suite.NIST;
    }

    @Override
    public VerificationKey identityKey() {
        return VerificationKey.of(SignatureScheme.ECDSA_P256_SHA256, keys.getPublic().getEncoded(),
                org.redoubt.crypto.api.DistinguishingId.NONE);
    }

    @Override
    public byte[] sign(byte[] message) {
        throw new UnsupportedOperationException("the agent never signs with the identity key");
    }

    @Override
    public String certificateRequest() {
        throw new UnsupportedOperationException("the agent never asks for a certificate request");
    }

    @Override
    public String tlsCertificateRequest() {
        throw new UnsupportedOperationException("the test's certificate is issued from the key pair directly");
    }

    @Override
    public X509KeyManager tlsKeyManager(List<X509Certificate> chain) throws KeystoreException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", keys.getPrivate(), new char[0], chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
            factory.init(store, new char[0]);
            return (X509KeyManager) factory.getKeyManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new KeystoreException(KeystoreException.Reason.UNSUPPORTED, e.getMessage(), e);
        }
    }
}
