package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.redoubt.crypto.keystore.internal.Handset.PROVIDER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;

/**
 * Every kind of damage to {@code device-identity.json}, in both suites: each member changed,
 * removed or added, the file cut short at every length, too large, not JSON, a correctly sealed
 * but foreign private key, a file from another handset. Each must fail with its reason and leave
 * the key file and the request exactly as they are; the intact file loads again at the end, so
 * the failures come from the damage and not from the set-up.
 */
class DamagedKeyFileTest {

    @TempDir
    Path data;

    private Handset handset;
    private byte[] original;
    private byte[] request;
    private String keyId;

    @TestFactory
    Stream<DynamicTest> nist() throws Exception {
        return cases(Suite.NIST);
    }

    @TestFactory
    Stream<DynamicTest> sm() throws Exception {
        return cases(Suite.SM);
    }

    private Stream<DynamicTest> cases(Suite suite) throws Exception {
        handset = new Handset(data.resolve("handset"));
        try (SealedIdentityKey key = handset.boot(suite)) {
            keyId = key.identityKey().keyId().hex();
        }
        original = Files.readAllBytes(handset.keyFile());
        request = Files.readAllBytes(handset.requestFile());
        VerificationKey stranger;
        try (SealedIdentityKey other = new Handset(data.resolve("stranger")).boot(suite)) {
            stranger = other.identityKey();
        }
        Suite otherSuite = suite == Suite.NIST ? Suite.SM : Suite.NIST;
        boolean sm = suite == Suite.SM;

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(damage("a bit of the sealed key flipped", Reason.TAMPERED, m -> m.put("sealed", flipped(m, "sealed"))));
        tests.add(damage("the sealed key one byte short", Reason.TAMPERED, m -> m.put("sealed", shortened(m, "sealed"))));
        tests.add(damage("the sealed key shorter than a tag", Reason.MALFORMED, m -> m.put("sealed", base64(new byte[16]))));
        tests.add(damage("a bit of the nonce flipped", Reason.TAMPERED, m -> m.put("nonce", flipped(m, "nonce"))));
        tests.add(damage("an 11-byte nonce", Reason.MALFORMED, m -> m.put("nonce", shortened(m, "nonce"))));
        tests.add(damage("another handset's public key", Reason.TAMPERED,
                m -> m.put("publicKey", base64(stranger.subjectPublicKeyInfo()))));
        tests.add(damage("a bit of the public key flipped", Reason.TAMPERED, m -> m.put("publicKey", flipped(m, "publicKey"))));
        tests.add(damage("a public key that is not base64", Reason.MALFORMED, m -> m.put("publicKey", JsonString.of("%%"))));
        tests.add(damage("an empty public key", Reason.MALFORMED, m -> m.put("publicKey", JsonString.of(""))));
        tests.add(damage("the other suite's scheme", Reason.MALFORMED,
                m -> m.put("scheme", JsonString.of(otherSuite.deviceKeyScheme().id()))));
        tests.add(damage("ed25519 as the scheme", Reason.MALFORMED, m -> m.put("scheme", JsonString.of("ed25519"))));
        tests.add(damage("an unknown scheme", Reason.UNSUPPORTED, m -> m.put("scheme", JsonString.of("rsa-pss-sha256"))));
        tests.add(damage("the other suite", Reason.MALFORMED, m -> m.put("suite", JsonString.of(otherSuite.name()))));
        tests.add(damage("an unknown suite", Reason.UNSUPPORTED, m -> m.put("suite", JsonString.of("GOST"))));
        tests.add(damage("a suite in lower case", Reason.UNSUPPORTED, m -> m.put("suite", JsonString.of(suite.name().toLowerCase()))));
        if (sm) {
            tests.add(damage("another distinguishing identifier", Reason.TAMPERED,
                    m -> m.put("distinguishingId", JsonString.of("1234567812345679"))));
            tests.add(damage("no distinguishing identifier", Reason.MALFORMED, m -> m.remove("distinguishingId")));
        } else {
            tests.add(damage("a distinguishing identifier on an ECDSA key", Reason.MALFORMED,
                    m -> m.put("distinguishingId", JsonString.of("1234567812345678"))));
        }
        tests.add(damage("format 2 from a newer release", Reason.UNSUPPORTED, m -> {
            m.put("format", JsonNumber.of(2));
            m.put("wrapping", JsonString.of("secure-element"));
        }));
        tests.add(damage("format 0", Reason.MALFORMED, m -> m.put("format", JsonNumber.of(0))));
        tests.add(damage("the format as a string", Reason.MALFORMED, m -> m.put("format", JsonString.of("1"))));
        tests.add(damage("an unknown member", Reason.MALFORMED, m -> m.put("backup", JsonString.of("yes"))));
        for (String member : List.of("format", "suite", "scheme", "publicKey", "nonce", "sealed")) {
            tests.add(damage("no " + member, Reason.MALFORMED, m -> m.remove(member)));
        }
        String text = new String(original, StandardCharsets.UTF_8);
        tests.add(damage("a duplicate member", Reason.MALFORMED, text.replaceFirst("\\{", "{\"nonce\": \"AAAAAAAAAAAAAAAA\",")));
        tests.add(damage("an empty file", Reason.MALFORMED, ""));
        tests.add(damage("not JSON", Reason.MALFORMED, "-----BEGIN PRIVATE KEY-----\n"));
        tests.add(damage("a JSON array", Reason.MALFORMED, "[" + text + "]"));
        tests.add(damage("a file over 16 KiB", Reason.MALFORMED, text + " ".repeat(16 * 1024)));
        tests.add(dynamicTest("cut short at every length", () -> {
            for (int length = text.lastIndexOf('}'); length >= 0; length--) {
                assertDamaged(text.substring(0, length), Reason.MALFORMED);
            }
        }));
        tests.add(damage("another private key sealed correctly under this public key", Reason.TAMPERED,
                m -> m.put("sealed", resealedStranger(suite))));
        tests.add(dynamicTest("a sealed value that opens but is no private key", () -> assertDamaged(
                forged(suite, "not a key".getBytes(StandardCharsets.UTF_8)), Reason.TAMPERED)));
        tests.add(dynamicTest("the file copied to another handset", () -> {
            Handset thief = new Handset(data.resolve("thief"));
            Files.createDirectories(thief.keys);
            Files.write(thief.keyFile(), original);
            assertEquals(Reason.TAMPERED, assertThrows(KeystoreException.class, () -> thief.boot(suite)).reason());
            assertArrayEquals(original, Files.readAllBytes(thief.keyFile()));
            assertEquals(List.of(SealedIdentityKey.KEY_FILE), thief.files(), "and no new key or request there");
        }));
        tests.add(dynamicTest("the intact file still loads", () -> {
            Files.write(handset.keyFile(), original);
            try (SealedIdentityKey key = handset.boot(suite)) {
                assertEquals(keyId, key.identityKey().keyId().hex());
            }
        }));
        return tests.stream();
    }

    private DynamicTest damage(String name, Reason reason, Consumer<Map<String, JsonValue>> change) {
        return dynamicTest(name, () -> {
            Map<String, JsonValue> members = new LinkedHashMap<>(JsonParser.parseObject(original, JsonLimits.DEFAULT).members());
            change.accept(members);
            JsonObject.Builder changed = JsonObject.builder();
            members.forEach(changed::put);
            assertDamaged(JsonWriter.indented().write(changed.build()), reason);
        });
    }

    private DynamicTest damage(String name, Reason reason, String content) {
        return dynamicTest(name, () -> assertDamaged(content, reason));
    }

    private void assertDamaged(String content, Reason reason) throws Exception {
        List<String> files = handset.files();
        Files.writeString(handset.keyFile(), content);
        KeystoreException e = assertThrows(KeystoreException.class, () -> handset.boot(Suite.NIST).close(),
                "loaded: " + content);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(content, Files.readString(handset.keyFile()), "the damaged file is left for the operator");
        assertArrayEquals(request, Files.readAllBytes(handset.requestFile()), "the request is left as it was");
        assertEquals(files, handset.files(), "no file added or removed");
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    /** A stranger's private key, sealed with this handset's device secret under this key's public half. */
    private JsonValue resealedStranger(Suite suite) {
        try {
            IdentityKeyFile file = IdentityKeyFile.decode(original);
            try (SigningKey stranger = PROVIDER.generateSigningKey(suite.deviceKeyScheme(),
                    file.publicKey().distinguishingId())) {
                return base64(sealWithDeviceSecret(suite, file, stranger.encodePrivateKey()));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String forged(Suite suite, byte[] plaintext) throws Exception {
        IdentityKeyFile file = IdentityKeyFile.decode(original);
        return new String(new IdentityKeyFile(suite, file.publicKey(), file.nonce(),
                sealWithDeviceSecret(suite, file, plaintext)).encode(), StandardCharsets.UTF_8);
    }

    private byte[] sealWithDeviceSecret(Suite suite, IdentityKeyFile file, byte[] plaintext) throws Exception {
        byte[] key = handset.deviceSecret.deriveKey(suite.hash(), IdentitySeal.PURPOSE, suite.aead().keyLength());
        try (AeadCipher cipher = PROVIDER.aead(suite.aead(), key)) {
            return cipher.seal(file.nonce(), IdentitySeal.associatedData(file.publicKey()), plaintext);
        }
    }

    private static JsonValue flipped(Map<String, JsonValue> members, String member) {
        byte[] bytes = decoded(members, member);
        bytes[bytes.length / 2] ^= 0x01;
        return base64(bytes);
    }

    private static JsonValue shortened(Map<String, JsonValue> members, String member) {
        byte[] bytes = decoded(members, member);
        return base64(Arrays.copyOf(bytes, bytes.length - 1));
    }

    private static byte[] decoded(Map<String, JsonValue> members, String member) {
        return Base64.getDecoder().decode(((JsonString) members.get(member)).value());
    }

    private static JsonValue base64(byte[] bytes) {
        return JsonString.of(Base64.getEncoder().encodeToString(bytes));
    }
}
