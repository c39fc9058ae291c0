package org.redoubt.fleet.broker;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test run (P-256): the broker's certificate for localhost
 * and client certificates whose common name is the client's identity. Nothing is committed.
 */
public final class TestPki {

    /** A key and its certificate. */
    public record Identity(KeyPair keys, X509Certificate certificate) {
    }

    private final Identity ca;
    private final SecureRandom random = new SecureRandom();

    public TestPki(String name) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder builder = builder(subject, subject, keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = new Identity(keys, sign(builder, keys));
    }

    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** @return a certificate for {@code commonName}, with localhost and 127.0.0.1 as names when {@code server} */
    public Identity issue(String commonName, boolean server) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPair keys = keyPair();
        JcaX509v3CertificateBuilder builder = builder(new X500Name(ca.certificate().getSubjectX500Principal().getName()),
                new X500Name("CN=" + commonName), keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        }
        return new Identity(keys, sign(builder, ca.keys()));
    }

    /** @return a client certificate for {@code commonName} on a key made elsewhere (a handset's identity key) */
    public X509Certificate issue(String commonName, java.security.PublicKey key) throws GeneralSecurityException,
            OperatorCreationException, IOException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(ca.certificate().getSubjectX500Principal().getName()),
                new BigInteger(64, random).abs().add(BigInteger.ONE), Date.from(Instant.now().minus(Duration.ofMinutes(5))),
                Date.from(Instant.now().plus(Duration.ofDays(1))), new X500Name("CN=" + commonName), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return sign(builder, ca.keys());
    }

    /** Writes a PEM file of a certificate, or of a private key in PKCS#8 (what OpenSSL 3 reads). */
    public static Path pem(Path file, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof java.security.PrivateKey key) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        }
        Files.writeString(file, text.toString());
        return file;
    }

    /**
     * @param identity the client's key and certificate, or null for none
     * @param trusted  the CA the client trusts for the broker
     * @return a TLS 1.3 context for a client
     */
    public static SSLContext clientContext(Identity identity, X509Certificate trusted) throws GeneralSecurityException,
            IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", trusted);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "test".toCharArray();
        if (identity != null) {
            keys.setKeyEntry("client", identity.keys().getPrivate(), password,
                    new X509Certificate[] {identity.certificate()});
        }
        keyManagers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, random).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
