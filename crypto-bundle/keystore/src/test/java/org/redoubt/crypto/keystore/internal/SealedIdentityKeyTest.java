package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Base64;
import java.util.ServiceLoader;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.bc.internal.OpenSsl;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.crypto.sealed.internal.FileDeviceSecret;

/** The identity key with the real provider and device secret, in both suites. */
class SealedIdentityKeyTest {

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();
    private static final byte[] MESSAGE = "status report".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private SealedIdentityKey load(Suite active) throws KeystoreException {
        return load(active, data);
    }

    private static SealedIdentityKey load(Suite active, Path data) throws KeystoreException {
        return SealedIdentityKey.loadOrCreate(data.resolve("keys"), "h-0042", PROVIDER,
                new FileDeviceSecret(data.resolve("secrets"), PROVIDER), active);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theFirstBootGeneratesAKeyInTheActiveSuiteAndLaterBootsLoadIt(Suite suite) throws Exception {
        String keyId;
        try (SealedIdentityKey first = load(suite)) {
            assertEquals(suite, first.suite());
            assertEquals(suite.deviceKeyScheme(), first.identityKey().scheme());
            keyId = first.identityKey().keyId().hex();
        }
        Path file = data.resolve("keys/device-identity.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/device.csr"))));
        Suite other = suite == Suite.NIST ? Suite.SM : Suite.NIST;
        try (SealedIdentityKey again = load(other)) {
            assertEquals(keyId, again.identityKey().keyId().hex(), "a changed active suite does not replace the key");
            assertEquals(suite, again.suite());
            assertEquals(SignatureCheck.VALID, PROVIDER.verify(again.identityKey(), MESSAGE, again.sign(MESSAGE)));
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void thePrivateKeyIsNotOnDiskInTheClear(Suite suite) throws Exception {
        try (SealedIdentityKey key = load(suite)) {
            String file = Files.readString(data.resolve("keys/device-identity.json"));
            assertFalse(file.contains("PRIVATE"), file);
            byte[] sealed = Base64.getDecoder().decode(file.replaceAll("(?s).*\"sealed\" *: *\"([^\"]+)\".*", "$1"));
            assertThrows(Exception.class, () -> PROVIDER.importSigningKey(suite.deviceKeyScheme(), sealed,
                    key.identityKey().distinguishingId()), "the sealed bytes are not a usable key");
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aDamagedKeyFileIsReportedAndNeverReplaced(Suite suite) throws Exception {
        load(suite).close();
        Path file = data.resolve("keys/device-identity.json");
        String original = Files.readString(file);
        String sealed = original.replaceAll("(?s).*\"sealed\" *: *\"([^\"]+)\".*", "$1");
        String flipped = (sealed.charAt(5) == 'A' ? "B" : "A");
        assertDamaged(original.replace(sealed, sealed.substring(0, 5) + flipped + sealed.substring(6)), Reason.TAMPERED);
        String nonce = original.replaceAll("(?s).*\"nonce\" *: *\"([^\"]+)\".*", "$1");
        assertDamaged(original.replace(nonce, nonce.charAt(0) == 'A' ? "B" + nonce.substring(1) : "A" + nonce.substring(1)),
                Reason.TAMPERED);
        try (SealedIdentityKey stranger = load(suite, data.resolve("stranger"))) {
            String strangerKey = Base64.getEncoder().encodeToString(stranger.identityKey().subjectPublicKeyInfo());
            String ours = original.replaceAll("(?s).*\"publicKey\" *: *\"([^\"]+)\".*", "$1");
            assertDamaged(original.replace(ours, strangerKey), Reason.TAMPERED);
        }
        assertDamaged(original.replace("\"format\"", "\"backup\": true, \"format\""), Reason.MALFORMED);
        assertDamaged(original.substring(0, original.length() / 2), Reason.MALFORMED);
        assertDamaged(original.replace("\"nonce\"", "\"x\": 1, \"nonce\""), Reason.MALFORMED);

        Files.writeString(file, original);
        Path otherHandset = data.resolve("other");
        Files.createDirectories(otherHandset.resolve("keys"));
        Files.copy(file, otherHandset.resolve("keys/device-identity.json"));
        assertEquals(Reason.TAMPERED, assertThrows(KeystoreException.class, () -> load(suite, otherHandset)).reason(),
                "a key file copied to another handset does not open there");
    }

    private void assertDamaged(String content, Reason reason) throws Exception {
        Path file = data.resolve("keys/device-identity.json");
        Files.writeString(file, content);
        KeystoreException e = assertThrows(KeystoreException.class, () -> load(Suite.NIST));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(content, Files.readString(file), "the damaged file is left for the operator, not replaced");
    }

    @Test
    void theDeviceIdIsChecked() {
        for (String bad : new String[] {"", "a/b", "CN=x,O=y", "x".repeat(65)}) {
            KeystoreException e = assertThrows(KeystoreException.class, () -> SealedIdentityKey.loadOrCreate(
                    data.resolve("keys"), bad, PROVIDER, new FileDeviceSecret(data.resolve("s"), PROVIDER), Suite.NIST));
            assertEquals(Reason.INVALID_DEVICE_ID, e.reason());
        }
        assertFalse(Files.exists(data.resolve("keys")), "nothing is created for an invalid id");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theCertificateRequestNamesTheDeviceAndIsSignedByItsKey(Suite suite) throws Exception {
        try (SealedIdentityKey key = load(suite)) {
            String pem = key.certificateRequest();
            assertEquals(pem, Files.readString(data.resolve("keys/device.csr")));
            PKCS10CertificationRequest request;
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                request = (PKCS10CertificationRequest) parser.readObject();
            }
            assertEquals(new X500Name("CN=h-0042"), request.getSubject());
            assertArrayEquals(key.identityKey().subjectPublicKeyInfo(), request.getSubjectPublicKeyInfo().getEncoded());
            assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(new BouncyCastleProvider()).build(request.getSubjectPublicKeyInfo())));
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void openSslVerifiesTheRequest(Suite suite) throws Exception {
        OpenSsl openssl = new OpenSsl(data);
        try (SealedIdentityKey key = load(suite)) {
            String[] verify = suite == Suite.SM
                    ? new String[] {"req", "-in", "keys/device.csr", "-noout", "-verify", "-vfyopt", "distid:1234567812345678"}
                    : new String[] {"req", "-in", "keys/device.csr", "-noout", "-verify"};
            assertTrue(openssl.run(verify).contains("verify OK"));
            assertTrue(openssl.run("req", "-in", "keys/device.csr", "-noout", "-subject").contains("CN = h-0042"));

            String pem = key.certificateRequest();
            int middle = pem.indexOf('\n', 120) + 10;
            Files.writeString(data.resolve("tampered.csr"), pem.substring(0, middle)
                    + (pem.charAt(middle) == 'A' ? 'B' : 'A') + pem.substring(middle + 1));
            verify[2] = "tampered.csr";
            assertFalse(openssl.exitCode(verify) == 0, "a changed request must not verify");
        }
    }

    /** An operator CA issues the MQTT client certificate from the request (NIST: what TLS stacks take). */
    @Test
    void anOperatorCaIssuesACertificateForTheIdentityKey() throws Exception {
        OpenSsl openssl = new OpenSsl(data);
        try (SealedIdentityKey key = load(Suite.NIST)) {
            openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Redoubt test fleet CA", "-days", "1");
            openssl.run("x509", "-req", "-in", "keys/device.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "device.pem", "-days", "1");
            openssl.run("verify", "-CAfile", "ca.pem", "device.pem");
            java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(Files.newInputStream(data.resolve("device.pem")));
            PublicKey certified = certificate.getPublicKey();
            assertArrayEquals(key.identityKey().subjectPublicKeyInfo(), certified.getEncoded());
            assertEquals("CN=h-0042", certificate.getSubjectX500Principal().getName());
        }
    }
}
