package org.redoubt.crypto.keystore.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;

/**
 * The identity key as a TLS client credential: an ECDSA P-256 key as a JDK key object, with the
 * device certificate whose public key it must match.
 */
final class TlsIdentity {

    /** The one alias the key manager knows. */
    static final String ALIAS = "device";

    private TlsIdentity() {
    }

    /**
     * @param key   the identity key
     * @param chain the device certificate first
     * @return a key manager presenting them
     * @throws KeystoreException {@code UNSUPPORTED} for a key other than ECDSA P-256,
     *                           {@code MALFORMED} for an empty chain or a certificate of another key
     */
    static X509KeyManager keyManager(SigningKey key, List<X509Certificate> chain) throws KeystoreException {
        if (key.verificationKey().scheme() != SignatureScheme.ECDSA_P256_SHA256) {
            throw new KeystoreException(Reason.UNSUPPORTED, "a " + key.verificationKey().scheme().id()
                    + " identity key cannot authenticate TLS 1.3 (only ecdsa-p256-sha256 can)", null);
        }
        if (chain.isEmpty()) {
            throw new KeystoreException(Reason.MALFORMED, "the certificate chain is empty", null);
        }
        X509Certificate[] certificates = chain.toArray(X509Certificate[]::new);
        if (!Arrays.equals(certificates[0].getPublicKey().getEncoded(), key.verificationKey().subjectPublicKeyInfo())) {
            throw new KeystoreException(Reason.MALFORMED, "the device certificate " + certificates[0].getSubjectX500Principal()
                    + " is not for the identity key " + key.verificationKey().keyId(), null);
        }
        byte[] pkcs8 = key.encodePrivateKey();
        try {
            PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new Manager(privateKey, certificates);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException(Reason.UNSUPPORTED, "the JDK cannot load the identity key for TLS", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Presents the one credential whatever the peer asks for; the server decides whether it fits. */
    private static final class Manager extends X509ExtendedKeyManager {

        private final PrivateKey key;
        private final X509Certificate[] chain;

        Manager(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return "EC".equals(keyType) ? new String[] {ALIAS} : null;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return Arrays.asList(keyTypes).contains("EC") ? ALIAS : null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return chooseClientAlias(keyTypes, issuers, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }
}
