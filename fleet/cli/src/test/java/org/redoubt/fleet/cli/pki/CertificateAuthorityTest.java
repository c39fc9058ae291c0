package org.redoubt.fleet.cli.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.fleet.cli.FleetException;

/** Certificates for the fleet's MQTT identities, from requests made as a handset makes them. */
class CertificateAuthorityTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @TempDir
    Path directory;
    private CertificateAuthority ca;
    private final Instant now = Instant.now();

    @BeforeEach
    void createCa() throws Exception {
        ca = CertificateAuthority.create("Redoubt test fleet", directory, Duration.ofDays(30), now);
    }

    private static PKCS10CertificationRequest request(String subject, String curve, String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair keys = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()));
    }

    @Test
    void aHandsetsRequestBecomesAClientCertificateWithItsName() throws Exception {
        Path csr = Files.writeString(directory.resolve("device.csr"),
                PemObjects.encode(request("CN=device-a", "secp256r1", "SHA256withECDSA")));

        CertificateRequests.Checked checked = CertificateRequests.check(PemObjects.request(csr));
        X509Certificate issued = CertificateAuthority.load(directory.resolve("ca.crt"), directory.resolve("ca.key"))
                .issueClient(checked.commonName(), checked.publicKey(), Duration.ofDays(10), now);

        issued.verify(ca.certificate().getPublicKey());
        assertEquals("CN=device-a", issued.getSubjectX500Principal().getName());
        assertEquals(List.of(CLIENT_AUTH), issued.getExtendedKeyUsage());
        assertEquals(-1, issued.getBasicConstraints(), "not a CA");
        assertEquals(checked.publicKey(), issued.getPublicKey());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("ca.key"))));
        assertTrue(ca.certificate().getBasicConstraints() >= 0, "the CA is a CA");
    }

    @Test
    void aRequestWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
        byte[] der = request("CN=device-a", "secp256r1", "SHA256withECDSA").getEncoded();
        der[der.length - 5] ^= 0x01; // inside the signature
        FleetException refused = assertThrows(FleetException.class,
                () -> CertificateRequests.check(new PKCS10CertificationRequest(der)));
        assertTrue(refused.getMessage().contains("signature"), refused.getMessage());
    }

    @Test
    void onlyP256WithSha256AndOneCommonNameAreCertified() throws Exception {
        assertThrows(FleetException.class, () -> CertificateRequests.check(request("CN=device-a", "secp384r1",
                "SHA384withECDSA")));
        assertThrows(FleetException.class, () -> CertificateRequests.check(request("CN=device-a", "secp256r1",
                "SHA384withECDSA")));
        assertThrows(FleetException.class, () -> CertificateRequests.check(request("CN=device-a,O=x", "secp256r1",
                "SHA256withECDSA")));
        assertThrows(FleetException.class, () -> CertificateRequests.check(request("CN=devices/#", "secp256r1",
                "SHA256withECDSA")), "a name that is no MQTT-safe identity");
    }

    @Test
    void aBrokerCertificateNamesItsHostsForHostNameVerification() throws Exception {
        KeyPair keys = CertificateAuthority.p256(new java.security.SecureRandom());
        X509Certificate server = ca.issueServer("localhost", keys.getPublic(), List.of("localhost"), List.of("127.0.0.1"),
                Duration.ofDays(10), now);
        assertEquals(List.of(SERVER_AUTH), server.getExtendedKeyUsage());
        Collection<List<?>> names = server.getSubjectAlternativeNames();
        assertTrue(names.contains(List.of(2, "localhost")), names.toString());
        assertTrue(names.contains(List.of(7, "127.0.0.1")), names.toString());
    }
}
