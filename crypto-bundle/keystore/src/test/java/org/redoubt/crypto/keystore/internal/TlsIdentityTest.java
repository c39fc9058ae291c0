package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;

/** The identity key authenticates a real TLS 1.3 handshake, and nothing but its own certificate goes with it. */
class TlsIdentityTest {

    @TempDir
    Path data;

    @Test
    void theServerSeesTheDeviceCertificateInATls13Handshake() throws Exception {
        KeyPair ca = ecKeyPair();
        X509Certificate caCertificate = certificate("CN=test-ca", ca.getPublic(), "CN=test-ca", ca);
        KeyPair server = ecKeyPair();
        X509Certificate serverCertificate = certificate("CN=localhost", server.getPublic(), "CN=test-ca", ca);
        try (SealedIdentityKey identity = new Handset(data).boot(Suite.NIST)) {
            X509Certificate device = certificate("CN=" + Handset.DEVICE_ID, publicKey(identity), "CN=test-ca", ca);
            SSLContext client = SSLContext.getInstance("TLSv1.3");
            client.init(new javax.net.ssl.KeyManager[] {identity.tlsKeyManager(List.of(device))},
                    trusting(caCertificate).getTrustManagers(), null);
            SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
            KeyStore serverKeys = KeyStore.getInstance("PKCS12");
            serverKeys.load(null, null);
            serverKeys.setKeyEntry("server", server.getPrivate(), new char[0], new X509Certificate[] {serverCertificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(serverKeys, new char[0]);
            serverContext.init(keyManagers.getKeyManagers(), trusting(caCertificate).getTrustManagers(), null);

            try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
                listener.setNeedClientAuth(true);
                listener.setEnabledProtocols(new String[] {"TLSv1.3"});
                CompletableFuture<X500Principal> seen = CompletableFuture.supplyAsync(() -> accept(listener));
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
                    socket.startHandshake();
                    OutputStream out = socket.getOutputStream();
                    out.write(1);
                    out.flush();
                    assertEquals("TLSv1.3", socket.getSession().getProtocol());
                    assertEquals(new X500Principal("CN=" + Handset.DEVICE_ID), seen.get(10, TimeUnit.SECONDS));
                }
            }
        }
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        KeyPair ca = ecKeyPair();
        X509Certificate other = certificate("CN=" + Handset.DEVICE_ID, ecKeyPair().getPublic(), "CN=test-ca", ca);
        try (SealedIdentityKey identity = new Handset(data).boot(Suite.NIST)) {
            KeystoreException e = assertThrows(KeystoreException.class, () -> identity.tlsKeyManager(List.of(other)));
            assertEquals(Reason.MALFORMED, e.reason());
            assertEquals(Reason.MALFORMED, assertThrows(KeystoreException.class, () -> identity.tlsKeyManager(List.of())).reason());
        }
    }

    @Test
    void anSm2HandsetAuthenticatesTlsWithItsP256TransportKeyKeptAcrossBoots() throws Exception {
        KeyPair ca = ecKeyPair();
        X509Certificate caCertificate = certificate("CN=test-ca", ca.getPublic(), "CN=test-ca", ca);
        Handset handset = new Handset(data);
        X509Certificate device;
        try (SealedIdentityKey identity = handset.boot(Suite.SM)) {
            assertEquals(org.redoubt.crypto.api.SignatureScheme.SM2_SM3, identity.identityKey().scheme());
            assertEquals(identity.tlsCertificateRequest(), java.nio.file.Files.readString(
                    handset.keys.resolve(SealedIdentityKey.TRANSPORT_CSR_FILE)));
            org.bouncycastle.pkcs.PKCS10CertificationRequest request = new org.bouncycastle.pkcs.PKCS10CertificationRequest(
                    java.util.Base64.getMimeDecoder().decode(identity.tlsCertificateRequest()
                            .replaceAll("-----[A-Z ]+-----", "")));
            PublicKey transport = java.security.KeyFactory.getInstance("EC").generatePublic(
                    new java.security.spec.X509EncodedKeySpec(request.getSubjectPublicKeyInfo().getEncoded()));
            device = certificate("CN=" + Handset.DEVICE_ID, transport, "CN=test-ca", ca);
            assertEquals(Reason.MALFORMED, assertThrows(KeystoreException.class, () -> identity.tlsKeyManager(
                    List.of(certificate("CN=" + Handset.DEVICE_ID, ecKeyPair().getPublic(), "CN=test-ca", ca)))).reason());
        }
        // The next boot loads the same transport key: the certificate issued for it still fits.
        try (SealedIdentityKey identity = handset.boot(Suite.SM)) {
            assertEquals(new X500Principal("CN=" + Handset.DEVICE_ID), handshake(identity.tlsKeyManager(List.of(device)),
                    caCertificate, ca));
        }
        assertTrue(handset.journal.stream().anyMatch(line -> line.startsWith("TLS transport key")), handset.journal.toString());
    }

    @Test
    void aNistHandsetHasNoTransportKey() throws Exception {
        Handset handset = new Handset(data);
        try (SealedIdentityKey identity = handset.boot(Suite.NIST)) {
            assertEquals(identity.certificateRequest(), identity.tlsCertificateRequest());
        }
        assertEquals(List.of(SealedIdentityKey.KEY_FILE, SealedIdentityKey.CSR_FILE), handset.files());
    }

    /** @return the client certificate's subject as a TLS 1.3 server that requires one saw it */
    private static X500Principal handshake(javax.net.ssl.X509KeyManager client, X509Certificate caCertificate, KeyPair ca)
            throws Exception {
        KeyPair server = ecKeyPair();
        X509Certificate serverCertificate = certificate("CN=localhost", server.getPublic(), "CN=test-ca", ca);
        SSLContext clientContext = SSLContext.getInstance("TLSv1.3");
        clientContext.init(new javax.net.ssl.KeyManager[] {client}, trusting(caCertificate).getTrustManagers(), null);
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("server", server.getPrivate(), new char[0], new X509Certificate[] {serverCertificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(serverKeys, new char[0]);
        SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(keyManagers.getKeyManagers(), trusting(caCertificate).getTrustManagers(), null);
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
            listener.setNeedClientAuth(true);
            CompletableFuture<X500Principal> seen = CompletableFuture.supplyAsync(() -> accept(listener));
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
                socket.startHandshake();
                socket.getOutputStream().write(1);
                socket.getOutputStream().flush();
                return seen.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static X500Principal accept(SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            InputStream in = socket.getInputStream();
            if (in.read() != 1) {
                throw new IllegalStateException("no byte from the client");
            }
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(SealedIdentityKey identity) throws GeneralSecurityException {
        return java.security.KeyFactory.getInstance("EC")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(identity.identityKey().subjectPublicKeyInfo()));
    }

    private static TrustManagerFactory trusting(X509Certificate ca) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        return trust;
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException, CertIOException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(subject.equals(issuer)));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
