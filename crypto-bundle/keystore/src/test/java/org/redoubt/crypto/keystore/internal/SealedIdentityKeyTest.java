package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.crypto.keystore.internal.Handset.PROVIDER;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/** The identity key's life on one handset, with the real provider, in both suites. */
class SealedIdentityKeyTest {

    private static final byte[] MESSAGE = "status report".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theFirstBootGeneratesAKeyInTheActiveSuiteAndLaterBootsLoadIt(Suite suite) throws Exception {
        Handset handset = new Handset(data);
        String keyId;
        byte[] signature;
        try (SealedIdentityKey first = handset.boot(suite)) {
            assertEquals(suite, first.suite());
            assertEquals(suite.deviceKeyScheme(), first.identityKey().scheme());
            assertEquals(suite == Suite.SM ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE,
                    first.identityKey().distinguishingId());
            assertEquals(Handset.DEVICE_ID, first.deviceId());
            keyId = first.identityKey().keyId().hex();
            signature = first.sign(MESSAGE);
        }
        assertEquals(Handset.expectedFiles(suite), handset.files());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(handset.keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(handset.keyFile())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(handset.requestFile())));
        byte[] stored = Files.readAllBytes(handset.keyFile());

        Suite other = suite == Suite.NIST ? Suite.SM : Suite.NIST;
        try (SealedIdentityKey again = handset.boot(other)) {
            assertEquals(keyId, again.identityKey().keyId().hex(), "a changed active suite does not replace the key");
            assertEquals(suite, again.suite(), "the key reports its own suite");
            assertEquals(SignatureCheck.VALID, PROVIDER.verify(again.identityKey(), MESSAGE, signature),
                    "a signature of the first boot verifies with the key of the second");
            assertEquals(SignatureCheck.VALID, PROVIDER.verify(again.identityKey(), MESSAGE, again.sign(MESSAGE)));
            assertNotEquals(SignatureCheck.VALID, PROVIDER.verify(again.identityKey(),
                    "another report".getBytes(StandardCharsets.UTF_8), signature));
        }
        assertArrayEquals(stored, Files.readAllBytes(handset.keyFile()), "a later boot never writes the key file");
        // generated, request written, (SM: transport key generated, its request written,) loaded
        assertEquals(suite == Suite.SM ? 5 : 3, handset.journal.size(), handset.journal.toString());
        assertTrue(handset.journal.get(0).contains("generated"), handset.journal.toString());
        assertTrue(handset.journal.get(handset.journal.size() - 1).contains("loaded"), handset.journal.toString());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theKeyFileHoldsTheDocumentedMembers(Suite suite) throws Exception {
        Handset handset = new Handset(data);
        try (SealedIdentityKey key = handset.boot(suite)) {
            JsonObject file = JsonParser.parseObject(Files.readAllBytes(handset.keyFile()), JsonLimits.DEFAULT);
            assertEquals(1, file.requireInt("format"));
            assertEquals(suite.name(), file.requireString("suite"));
            assertEquals(suite.deviceKeyScheme().id(), file.requireString("scheme"));
            assertEquals(suite == Suite.SM ? "1234567812345678" : null, file.optionalString("distinguishingId").orElse(null));
            assertArrayEquals(key.identityKey().subjectPublicKeyInfo(),
                    Base64.getDecoder().decode(file.requireString("publicKey")));
            assertEquals(12, Base64.getDecoder().decode(file.requireString("nonce")).length);
            assertTrue(Base64.getDecoder().decode(file.requireString("sealed")).length > 16 + 32);
        }
    }

    /** Unseals the file the way the keystore does, then looks for the private key anywhere on disk. */
    @ParameterizedTest
    @EnumSource(Suite.class)
    void thePrivateKeyIsNowhereOnDiskInTheClear(Suite suite) throws Exception {
        Handset handset = new Handset(data);
        try (SealedIdentityKey key = handset.boot(suite)) {
            byte[] pkcs8 = new IdentitySeal(PROVIDER, handset.deviceSecret)
                    .unseal(IdentityKeyFile.decode(Files.readAllBytes(handset.keyFile())));
            try (SigningKey imported = PROVIDER.importSigningKey(suite.deviceKeyScheme(), pkcs8,
                    key.identityKey().distinguishingId())) {
                assertEquals(key.identityKey(), imported.verificationKey(), "the sealed bytes are this key's PKCS#8");
            }
            BigInteger d = ECPrivateKey.getInstance(PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey()).getKey();
            byte[] scalar = BigIntegers.asUnsignedByteArray(32, d);
            for (String name : handset.files()) {
                byte[] content = Files.readAllBytes(handset.keys.resolve(name));
                String text = new String(content, StandardCharsets.ISO_8859_1);
                for (byte[] secret : List.of(pkcs8, scalar)) {
                    assertFalse(contains(content, secret), name + " holds the private key");
                    assertFalse(text.contains(Base64.getEncoder().encodeToString(secret)), name + " holds it in base64");
                    assertFalse(text.toLowerCase().contains(HexFormat.of().formatHex(secret)), name + " holds it in hex");
                }
                for (String token : text.split("[^A-Za-z0-9+/=]+")) {
                    byte[] decoded = decodeOrEmpty(token);
                    assertFalse(contains(decoded, scalar), name + " holds the private key in a base64 value");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void closingDestroysThePrivateKey(Suite suite) throws Exception {
        SealedIdentityKey key = new Handset(data).boot(suite);
        key.close();
        assertThrows(IllegalStateException.class, () -> key.sign(MESSAGE));
        assertEquals(suite.deviceKeyScheme(), key.identityKey().scheme(), "the public half stays readable");
    }

    @Test
    void aMissingRequestIsWrittenAgainAndAPresentOneIsLeftAlone() throws Exception {
        Handset handset = new Handset(data);
        String firstRequest;
        try (SealedIdentityKey first = handset.boot(Suite.NIST)) {
            firstRequest = first.certificateRequest();
        }
        byte[] stored = Files.readAllBytes(handset.keyFile());
        handset.boot(Suite.NIST).close();
        assertEquals(firstRequest, Files.readString(handset.requestFile()), "a present request is not rewritten");

        Files.delete(handset.requestFile());
        try (SealedIdentityKey again = handset.boot(Suite.NIST)) {
            assertEquals(again.certificateRequest(), Files.readString(handset.requestFile()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(handset.requestFile())));
        }
        assertArrayEquals(stored, Files.readAllBytes(handset.keyFile()));
        assertTrue(handset.journal.get(handset.journal.size() - 1).contains("written"), handset.journal.toString());
    }

    @Test
    void aTemporaryFileLeftByAPowerCutDoesNotStopTheFirstBoot() throws Exception {
        Handset handset = new Handset(data);
        Files.createDirectories(handset.keys);
        Files.writeString(handset.keys.resolve(SealedIdentityKey.KEY_FILE + ".tmp"), "{\"format\": 1, \"sui");
        handset.boot(Suite.SM).close();
        assertEquals(Handset.expectedFiles(Suite.SM), handset.files());
    }

    @Test
    void theDeviceIdIsCheckedBeforeAnythingIsWritten() {
        for (String bad : new String[] {null, "", "a/b", "../x", "CN=x,O=y", "h 1", "h\n1", "h\u00e9", "x".repeat(65)}) {
            KeystoreException e = assertThrows(KeystoreException.class, () -> SealedIdentityKey.loadOrCreate(
                    data.resolve("keys"), bad, PROVIDER, new MemoryDeviceSecret(PROVIDER), Suite.NIST, line -> { }));
            assertEquals(Reason.INVALID_DEVICE_ID, e.reason(), String.valueOf(bad));
            assertFalse(bad != null && !bad.isEmpty() && e.getMessage().contains(bad), "the message does not echo it");
        }
        assertFalse(Files.exists(data.resolve("keys")), "nothing is created for an invalid id");
    }

    @Test
    void theLongestAndEveryAllowedCharacterAreAccepted() throws Exception {
        for (String good : new String[] {"x".repeat(64), "AZaz09._-", "7"}) {
            Path keys = data.resolve(String.valueOf(good.hashCode()));
            try (SealedIdentityKey key = SealedIdentityKey.loadOrCreate(keys, good, PROVIDER,
                    new MemoryDeviceSecret(PROVIDER), Suite.NIST, line -> { })) {
                assertEquals(good, key.deviceId());
            }
        }
    }

    @Test
    void anUnavailableDeviceSecretFailsTheFirstBootWithoutWritingAnything() throws Exception {
        Handset handset = new Handset(data, new AbsentSecureElement());
        assertEquals(Reason.DEVICE_SECRET_UNAVAILABLE, assertThrows(KeystoreException.class,
                () -> handset.boot(Suite.NIST)).reason());
        assertEquals(List.of(), handset.files());
    }

    @Test
    void anUnavailableDeviceSecretOnALaterBootLeavesTheKeyFile() throws Exception {
        Handset handset = new Handset(data);
        handset.boot(Suite.SM).close();
        byte[] stored = Files.readAllBytes(handset.keyFile());
        Handset withoutSecret = new Handset(data, new AbsentSecureElement());
        assertEquals(Reason.DEVICE_SECRET_UNAVAILABLE, assertThrows(KeystoreException.class,
                () -> withoutSecret.boot(Suite.SM)).reason());
        assertArrayEquals(stored, Files.readAllBytes(handset.keyFile()));
        handset.boot(Suite.SM).close();
    }

    @Test
    void aDestroyedDeviceSecretMakesTheKeyUnusableButNotReplaced() throws Exception {
        Handset handset = new Handset(data);
        handset.boot(Suite.NIST).close();
        byte[] stored = Files.readAllBytes(handset.keyFile());
        handset.deviceSecret.destroy(IdentitySeal.PURPOSE);
        assertEquals(Reason.TAMPERED, assertThrows(KeystoreException.class, () -> handset.boot(Suite.NIST)).reason());
        assertArrayEquals(stored, Files.readAllBytes(handset.keyFile()));
    }

    @Test
    void aKeysPathThatIsNoDirectoryIsAnIoFailure() throws Exception {
        Files.writeString(data.resolve("keys"), "not a directory");
        assertEquals(Reason.IO_FAILURE, assertThrows(KeystoreException.class,
                () -> new Handset(data).boot(Suite.NIST)).reason());
        assertEquals("not a directory", Files.readString(data.resolve("keys")));
    }

    @Test
    void aKeyFileThatIsADirectoryIsAnIoFailure() throws Exception {
        Handset handset = new Handset(data);
        Files.createDirectories(handset.keyFile());
        assertEquals(Reason.IO_FAILURE, assertThrows(KeystoreException.class, () -> handset.boot(Suite.NIST)).reason());
        assertTrue(Files.isDirectory(handset.keyFile()));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decodeOrEmpty(String token) {
        try {
            return Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
