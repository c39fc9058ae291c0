package org.redoubt.fleet.cli.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.NewFiles;

/**
 * The CA of the fleet's MQTT identities (ECDSA P-256, SHA-256): it certifies handsets and
 * operators as clients (their certificate's common name is their identity at the broker) and the
 * broker as a server. It is not a signer of documents: those are signed by role keys.
 */
public final class CertificateAuthority {

    /** Names the broker and the ACL accept as identities: no MQTT wildcard, no topic separator. */
    public static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final SecureRandom random;

    /**
     * @param certificate the CA's certificate
     * @param key         its private key
     * @param random      serial numbers
     */
    public CertificateAuthority(X509Certificate certificate, PrivateKey key, SecureRandom random) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.key = Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Makes a new self-signed CA and writes {@code ca.crt} and {@code ca.key} (0600) into a directory.
     *
     * @param name      the CA's common name
     * @param directory where to write
     * @param validity  how long it is valid
     * @param now       the current time
     * @return the CA
     * @throws FleetException when a file exists or cannot be written
     */
    public static CertificateAuthority create(String name, Path directory, Duration validity, Instant now)
            throws FleetException {
        SecureRandom random = new SecureRandom();
        KeyPair keys = p256(random);
        X500Name subject = commonName(name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a CA certificate", e);
        }
        X509Certificate certificate = sign(builder, keys.getPrivate());
        PemObjects.writePrivateKey(directory.resolve("ca.key"), keys.getPrivate());
        writeCertificate(directory.resolve("ca.crt"), certificate);
        return new CertificateAuthority(certificate, keys.getPrivate(), random);
    }

    /**
     * @param certificateFile the CA's certificate
     * @param keyFile         its private key
     * @return the CA
     * @throws FleetException when a file is missing or malformed
     */
    public static CertificateAuthority load(Path certificateFile, Path keyFile) throws FleetException {
        PrivateKey key = PemObjects.privateKey(keyFile);
        if (!"EC".equals(key.getAlgorithm())) {
            throw new FleetException(keyFile + " is not an EC key: the fleet's CA signs with ECDSA P-256");
        }
        return new CertificateAuthority(PemObjects.certificates(certificateFile).get(0), key, new SecureRandom());
    }

    /** @return the CA's certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A client certificate (clientAuth): for a handset or an operator.
     *
     * @param commonName the identity, matching {@link #IDENTITY}
     * @param publicKey  the client's key
     * @param validity   how long
     * @param now        the current time
     * @return the certificate
     * @throws FleetException when the name is not an identity or the CA's key does not match its certificate
     */
    public X509Certificate issueClient(String commonName, PublicKey publicKey, Duration validity, Instant now)
            throws FleetException {
        return issue(commonName, publicKey, validity, now, KeyPurposeId.id_kp_clientAuth, List.of(), List.of());
    }

    /**
     * A server certificate (serverAuth) whose names let clients verify the host name.
     *
     * @param commonName the server's name
     * @param publicKey  its key
     * @param dnsNames   DNS names for the subject alternative name
     * @param addresses  IP addresses for the subject alternative name
     * @param validity   how long
     * @param now        the current time
     * @return the certificate
     * @throws FleetException when there is no name, an address is not an IP address, or the CA's
     *                        key does not match its certificate
     */
    public X509Certificate issueServer(String commonName, PublicKey publicKey, List<String> dnsNames,
            List<String> addresses, Duration validity, Instant now) throws FleetException {
        if (dnsNames.isEmpty() && addresses.isEmpty()) {
            throw new FleetException("a server certificate needs a DNS name or an IP address");
        }
        return issue(commonName, publicKey, validity, now, KeyPurposeId.id_kp_serverAuth, dnsNames, addresses);
    }

    private X509Certificate issue(String commonName, PublicKey publicKey, Duration validity, Instant now,
            KeyPurposeId purpose, List<String> dnsNames, List<String> addresses) throws FleetException {
        if (!IDENTITY.matcher(commonName).matches()) {
            throw new FleetException("\"" + commonName + "\" is not a valid identity: 1..64 of A-Z a-z 0-9 _ . -");
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), commonName(commonName), publicKey);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            List<GeneralName> names = new ArrayList<>();
            for (String dns : dnsNames) {
                names.add(new GeneralName(GeneralName.dNSName, dns));
            }
            for (String address : addresses) {
                names.add(new GeneralName(GeneralName.iPAddress, ipAddress(address)));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
        X509Certificate issued = sign(builder, key);
        try {
            issued.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new FleetException("the CA's private key does not belong to its certificate", e);
        }
        return issued;
    }

    /**
     * @param file        a new file
     * @param certificate the certificate
     * @throws FleetException when the file exists or cannot be written
     */
    public static void writeCertificate(Path file, X509Certificate certificate) throws FleetException {
        NewFiles.createPublic(file, PemObjects.encode(certificate));
    }

    /**
     * @param random the random source
     * @return a new ECDSA P-256 key pair
     */
    public static KeyPair p256(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /**
     * @param name a common name
     * @return the name {@code CN=name}, built attribute by attribute (no parsing of the text)
     */
    static X500Name commonName(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
    }

    /**
     * @param builder what to sign
     * @param signer  the signing key
     * @return the certificate
     */
    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate with " + SIGNATURE, e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static String ipAddress(String text) throws FleetException {
        if (!text.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new FleetException("\"" + text + "\" is not an IP address");
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            throw new FleetException("\"" + text + "\" is not an IP address", e);
        }
    }
}
