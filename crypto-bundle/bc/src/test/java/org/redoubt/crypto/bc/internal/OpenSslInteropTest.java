package org.redoubt.crypto.bc.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;

/**
 * Keys and signatures exchanged with the OpenSSL 3 command-line tool, both ways. Fails (does not
 * skip) when {@code /usr/bin/openssl} is missing.
 */
class OpenSslInteropTest {

    private static final String DISTID = "distid:" + DistinguishingId.SM2_DEFAULT;
    private static final byte[] MESSAGE = "release manifest 2026.11.23\n".getBytes(UTF_8);

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void openSslUsesKeysWeGenerate(SignatureScheme scheme) throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("msg", MESSAGE);
        try (SigningKey key = provider.generateSigningKey(scheme, SignatureRejectionTest.idFor(scheme))) {
            openssl.writePem("pub.pem", "PUBLIC KEY", key.verificationKey().subjectPublicKeyInfo());
            byte[] pkcs8 = key.encodePrivateKey();
            openssl.writePem("priv.pem", "PRIVATE KEY", pkcs8);
            java.util.Arrays.fill(pkcs8, (byte) 0);
            openssl.run("pkey", "-in", "priv.pem", "-check", "-noout");

            openssl.write("sig", key.sign(MESSAGE));
            assertEquals(0, openssl.exitCode(verifyCommand(scheme, "pub.pem")), "openssl verifies our signature");
            openssl.write("msg", "tampered".getBytes(UTF_8));
            assertNotEquals(0, openssl.exitCode(verifyCommand(scheme, "pub.pem")), "openssl rejects a changed message");
            openssl.write("msg", MESSAGE);

            openssl.run(signCommand(scheme, "priv.pem"));
            assertEquals(SignatureCheck.VALID, provider.verify(key.verificationKey(), MESSAGE, openssl.read("sig")),
                    "we verify openssl's signature made with our private key");
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void weUseKeysOpenSslGenerates(SignatureScheme scheme) throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("msg", MESSAGE);
        openssl.run(generateCommand(scheme));
        openssl.run("pkey", "-in", "priv.pem", "-pubout", "-out", "pub.pem");
        byte[] spki = openssl.readPem("pub.pem", "PUBLIC KEY");
        VerificationKey publicKey = VerificationKey.of(scheme, spki, SignatureRejectionTest.idFor(scheme));
        provider.validate(publicKey);

        openssl.run(signCommand(scheme, "priv.pem"));
        assertEquals(SignatureCheck.VALID, provider.verify(publicKey, MESSAGE, openssl.read("sig")));

        byte[] pkcs8 = openssl.readPem("priv.pem", "PRIVATE KEY");
        try (SigningKey key = provider.importSigningKey(scheme, pkcs8, SignatureRejectionTest.idFor(scheme))) {
            assertArrayEquals(spki, key.verificationKey().subjectPublicKeyInfo(), "same SubjectPublicKeyInfo bytes");
            openssl.write("sig", key.sign(MESSAGE));
            assertEquals(0, openssl.exitCode(verifyCommand(scheme, "pub.pem")));
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    @Test
    void sm2DistinguishingIdMustMatchOnBothSides() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("msg", MESSAGE);
        try (SigningKey key = provider.generateSigningKey(SignatureScheme.SM2_SM3, DistinguishingId.of("alice@redoubt"))) {
            openssl.writePem("pub.pem", "PUBLIC KEY", key.verificationKey().subjectPublicKeyInfo());
            openssl.write("sig", key.sign(MESSAGE));
            assertNotEquals(0, openssl.exitCode(verifyCommand(SignatureScheme.SM2_SM3, "pub.pem")),
                    "openssl with the default id rejects a signature made under another id");
            assertEquals(0, openssl.exitCode("dgst", "-sm3", "-verify", "pub.pem", "-sigopt", "distid:alice@redoubt",
                    "-signature", "sig", "msg"));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void ourKeyEncodingsAreByteForByteWhatOpenSslWrites(SignatureScheme scheme) throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        try (SigningKey key = provider.generateSigningKey(scheme, SignatureRejectionTest.idFor(scheme))) {
            byte[] pkcs8 = key.encodePrivateKey();
            openssl.writePem("priv.pem", "PRIVATE KEY", pkcs8);
            openssl.run("pkey", "-in", "priv.pem", "-out", "again.pem");
            openssl.run("pkey", "-in", "priv.pem", "-pubout", "-out", "pub.pem");
            assertArrayEquals(key.verificationKey().subjectPublicKeyInfo(), openssl.readPem("pub.pem", "PUBLIC KEY"));
            assertArrayEquals(pkcs8, openssl.readPem("again.pem", "PRIVATE KEY"));
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static String[] generateCommand(SignatureScheme scheme) {
        return switch (scheme) {
            case ED25519 -> new String[] {"genpkey", "-algorithm", "ed25519", "-out", "priv.pem"};
            case ECDSA_P256_SHA256 -> new String[] {"genpkey", "-algorithm", "EC", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:named_curve", "-out", "priv.pem"};
            case SM2_SM3 -> new String[] {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2",
                "-out", "priv.pem"};
        };
    }

    private static String[] signCommand(SignatureScheme scheme, String privateKey) {
        return switch (scheme) {
            case ED25519 -> new String[] {"pkeyutl", "-sign", "-rawin", "-inkey", privateKey, "-in", "msg", "-out", "sig"};
            case ECDSA_P256_SHA256 -> new String[] {"dgst", "-sha256", "-sign", privateKey, "-out", "sig", "msg"};
            case SM2_SM3 -> new String[] {"dgst", "-sm3", "-sign", privateKey, "-sigopt", DISTID, "-out", "sig", "msg"};
        };
    }

    private static String[] verifyCommand(SignatureScheme scheme, String publicKey) {
        List<String> command = new ArrayList<>();
        switch (scheme) {
            case ED25519 -> command.addAll(List.of("pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", publicKey,
                    "-in", "msg", "-sigfile", "sig"));
            case ECDSA_P256_SHA256 -> command.addAll(List.of("dgst", "-sha256", "-verify", publicKey,
                    "-signature", "sig", "msg"));
            case SM2_SM3 -> command.addAll(List.of("dgst", "-sm3", "-verify", publicKey, "-sigopt", DISTID,
                    "-signature", "sig", "msg"));
        }
        return command.toArray(String[]::new);
    }
}
