package org.redoubt.fleet.cli.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.pki.PemObjects;

/**
 * The operator's mutual-TLS identity from PEM files: the fleet CA the broker must be certified by,
 * the operator's certificate (chain) and its private key. Sockets speak TLS 1.3 only.
 *
 * @param socketFactory TLS 1.3 client sockets presenting the certificate
 * @param commonName    the certificate's common name, the identity at the broker
 */
public record TlsIdentity(SSLSocketFactory socketFactory, String commonName) {

    private static final String[] PROTOCOLS = {"TLSv1.3"};

    /**
     * @param caFile          trusted CA certificate(s)
     * @param certificateFile the client's certificate, then any intermediates
     * @param keyFile         its private key (PKCS#8 or EC)
     * @return the identity
     * @throws FleetException when a file is missing or malformed
     */
    public static TlsIdentity fromPem(Path caFile, Path certificateFile, Path keyFile) throws FleetException {
        List<X509Certificate> cas = PemObjects.certificates(caFile);
        List<X509Certificate> chain = PemObjects.certificates(certificateFile);
        PrivateKey key = PemObjects.privateKey(keyFile);
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            char[] password = new char[] {'x'};
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return new TlsIdentity(new Tls13Only(context.getSocketFactory()), commonName(chain.get(0)));
        } catch (GeneralSecurityException | IOException e) {
            throw new FleetException("cannot use " + certificateFile + " and " + keyFile + " for TLS: " + e.getMessage(), e);
        }
    }

    private static String commonName(X509Certificate certificate) throws FleetException {
        RDN[] names = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        if (names.length != 1) {
            throw new FleetException("the certificate has no single common name: " + certificate.getSubjectX500Principal());
        }
        return IETFUtils.valueToString(names[0].getFirst().getValue());
    }

    /** A socket factory whose sockets enable TLS 1.3 and nothing older. */
    private static final class Tls13Only extends SSLSocketFactory {

        private final SSLSocketFactory delegate;

        Tls13Only(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket restrict(Socket socket) {
            ((SSLSocket) socket).setEnabledProtocols(PROTOCOLS);
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return restrict(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return restrict(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return restrict(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return restrict(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return restrict(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return restrict(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
