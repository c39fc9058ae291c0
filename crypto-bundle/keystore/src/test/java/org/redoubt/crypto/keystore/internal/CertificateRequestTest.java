package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.crypto.keystore.internal.Handset.PROVIDER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.bc.internal.OpenSsl;

/**
 * The PKCS#10 request, checked by Bouncy Castle's parser and by the OpenSSL 3 command-line tool,
 * and turned into a client certificate by an OpenSSL CA, in both suites. SM2 needs the
 * distinguishing identifier spelled out to OpenSSL: {@code -vfyopt distid:1234567812345678} to
 * check a request or certificate, {@code -sigopt distid:1234567812345678} for a CA that signs.
 */
class CertificateRequestTest {

    private static final String DISTID = "distid:1234567812345678";

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theRequestNamesTheDeviceAndIsSignedByItsKey(Suite suite) throws Exception {
        try (SealedIdentityKey key = new Handset(data).boot(suite)) {
            String pem = key.certificateRequest();
            assertEquals(pem, Files.readString(data.resolve("keys/device.csr")), "the first boot writes this request");
            List<String> lines = pem.lines().toList();
            assertEquals("-----BEGIN CERTIFICATE REQUEST-----", lines.get(0));
            assertEquals("-----END CERTIFICATE REQUEST-----", lines.get(lines.size() - 1));
            assertTrue(pem.endsWith("-----\n"));
            lines.forEach(line -> assertTrue(line.length() <= 64 || line.startsWith("-----"), line));

            PKCS10CertificationRequest request = new PKCS10CertificationRequest(der(pem));
            CertificationRequest asn1 = request.toASN1Structure();
            assertEquals(0, asn1.getCertificationRequestInfo().getVersion().intValueExact());
            assertEquals(new X500Name("CN=" + Handset.DEVICE_ID), request.getSubject());
            assertArrayEquals(key.identityKey().subjectPublicKeyInfo(), request.getSubjectPublicKeyInfo().getEncoded());
            assertEquals(0, request.getAttributes().length);
            assertEquals(switch (suite) {
                case NIST -> "1.2.840.10045.4.3.2";
                case SM -> "1.2.156.10197.1.501";
            }, request.getSignatureAlgorithm().getAlgorithm().getId());
            assertNull(request.getSignatureAlgorithm().getParameters(), "these algorithms take no parameters");
            assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(new BouncyCastleProvider()).build(request.getSubjectPublicKeyInfo())));
            byte[] signed = asn1.getCertificationRequestInfo().getEncoded(ASN1Encoding.DER);
            assertEquals(SignatureCheck.VALID, PROVIDER.verify(key.identityKey(), signed, asn1.getSignature().getOctets()));
        }
    }

    /**
     * OpenSSL 3.0's {@code req -verify} exits with 0 even when the signature does not verify, so
     * its verdict is read from the output.
     */
    @ParameterizedTest
    @EnumSource(Suite.class)
    void openSslVerifiesTheRequestAndRefusesAChangedOne(Suite suite) throws Exception {
        OpenSsl openssl = new OpenSsl(data);
        try (SealedIdentityKey key = new Handset(data).boot(suite)) {
            assertEquals("verify OK", verdict(openssl, suite, "keys/device.csr"));
            assertTrue(openssl.run("req", "-in", "keys/device.csr", "-noout", "-subject")
                    .contains("subject=CN = " + Handset.DEVICE_ID));
            if (suite == Suite.SM) {
                assertEquals("verify failure", verdict(openssl, suite, "keys/device.csr", "distid:8765432187654321"),
                        "the signature binds the default identifier, and OpenSSL needs it spelled out");
            }
            byte[] request = der(key.certificateRequest());
            byte[] signature = request.clone();
            signature[signature.length - 1] ^= 0x01;
            writePem("signature.csr", signature);
            assertEquals("verify failure", verdict(openssl, suite, "signature.csr"), "a changed signature");
            String renamed = new String(request, StandardCharsets.ISO_8859_1).replace(Handset.DEVICE_ID, "h-0043");
            writePem("subject.csr", renamed.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(openssl.run("req", "-in", "subject.csr", "-noout", "-subject").contains("CN = h-0043"));
            assertEquals("verify failure", verdict(openssl, suite, "subject.csr"), "another subject");
        }
    }

    /** An operator CA of the handset's suite issues the MQTT client certificate from the request. */
    @ParameterizedTest
    @EnumSource(Suite.class)
    void anOperatorCaIssuesACertificateForTheIdentityKey(Suite suite) throws Exception {
        OpenSsl openssl = new OpenSsl(data);
        try (SealedIdentityKey key = new Handset(data).boot(suite)) {
            List<String> issue = new ArrayList<>(List.of("x509", "-req", "-in", "keys/device.csr", "-CA", "ca.pem",
                    "-CAkey", "ca.key", "-CAcreateserial", "-out", "device.pem", "-days", "1"));
            if (suite == Suite.NIST) {
                openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Redoubt test fleet CA", "-days", "1");
                openssl.run(issue.toArray(String[]::new));
                assertTrue(openssl.run("verify", "-CAfile", "ca.pem", "device.pem").contains("device.pem: OK"));
            } else {
                openssl.run("genpkey", "-algorithm", "SM2", "-out", "ca.key");
                openssl.run("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", DISTID, "-out", "ca.pem",
                        "-subj", "/CN=Redoubt test fleet CA", "-days", "1");
                issue.addAll(List.of("-vfyopt", DISTID, "-sm3", "-sigopt", DISTID));
                openssl.run(issue.toArray(String[]::new));
                assertTrue(openssl.run("verify", "-vfyopt", DISTID, "-CAfile", "ca.pem", "device.pem")
                        .contains("device.pem: OK"));
            }
            byte[] changed = der(key.certificateRequest());
            changed[changed.length - 1] ^= 0x01;
            writePem("changed.csr", changed);
            issue.set(3, "changed.csr");
            issue.set(10, "refused.pem");
            assertNotEquals(0, openssl.exitCode(issue.toArray(String[]::new)), "the CA refuses a changed request");
            assertFalse(Files.exists(data.resolve("refused.pem")));

            X509CertificateHolder certificate = new X509CertificateHolder(der(Files.readString(data.resolve("device.pem"))));
            assertArrayEquals(key.identityKey().subjectPublicKeyInfo(), certificate.getSubjectPublicKeyInfo().getEncoded(),
                    "the certified key is the identity key");
            assertEquals(new X500Name("CN=" + Handset.DEVICE_ID), certificate.getSubject());

            // The CA's signature also checks out with the handset's own provider.
            X509CertificateHolder ca = new X509CertificateHolder(der(Files.readString(data.resolve("ca.pem"))));
            VerificationKey caKey = VerificationKey.of(suite.deviceKeyScheme(), ca.getSubjectPublicKeyInfo().getEncoded(),
                    suite.deviceKeyScheme() == SignatureScheme.SM2_SM3 ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE);
            assertEquals(SignatureCheck.VALID, PROVIDER.verify(caKey,
                    certificate.toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER), certificate.getSignature()));
        }
    }

    private static String verdict(OpenSsl openssl, Suite suite, String file) {
        return verdict(openssl, suite, file, DISTID);
    }

    /** @return "verify OK" or "verify failure", as {@code openssl req -verify} reports it */
    private static String verdict(OpenSsl openssl, Suite suite, String file, String distid) {
        List<String> command = new ArrayList<>(List.of("req", "-in", file, "-noout", "-verify"));
        if (suite == Suite.SM) {
            command.addAll(List.of("-vfyopt", distid));
        }
        String output = openssl.run(command.toArray(String[]::new));
        boolean ok = output.contains("self-signature verify OK");
        boolean failure = output.contains("self-signature verify failure");
        assertTrue(ok != failure, output);
        return ok ? "verify OK" : "verify failure";
    }

    private void writePem(String name, byte[] der) throws Exception {
        Files.writeString(data.resolve(name), "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n");
    }

    /** The DER inside the one PEM block of {@code pem}. */
    private static byte[] der(String pem) {
        int begin = pem.indexOf('\n', pem.indexOf("-----BEGIN "));
        int end = pem.indexOf("-----END ");
        assertTrue(begin > 0 && end > begin, pem);
        return Base64.getMimeDecoder().decode(pem.substring(begin + 1, end));
    }
}
