package org.redoubt.policy.agent.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;

/** PEM certificates, and the TLS 1.3 context of the handset's broker connection. */
final class TrustAnchors {

    private TrustAnchors() {
    }

    /**
     * @param pem one or more PEM certificates
     * @return them, in order
     * @throws IOException when there is none or one is not a certificate
     */
    static List<X509Certificate> parse(String pem) throws IOException {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in the PEM text");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /**
     * @param identity the device's key manager
     * @param anchors  the CAs the broker's certificate must chain to (nothing else is trusted)
     * @return a context that speaks TLS 1.3 only
     * @throws IOException when the context cannot be made
     */
    static SSLContext context(X509KeyManager identity, List<X509Certificate> anchors) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(new KeyManager[] {identity}, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS context cannot be made: " + e.getMessage(), e);
        }
    }
}
