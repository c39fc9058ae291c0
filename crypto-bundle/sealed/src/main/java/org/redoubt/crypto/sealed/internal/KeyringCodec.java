package org.redoubt.crypto.sealed.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.SealedStorageException.Reason;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * Reads and writes {@code keyring.json}, strictly:
 *
 * <pre>
 * { "format": 1, "suite": "NIST",
 *   "kdf": { "algorithm": "argon2id", "memoryKiB": 32768, "iterations": 16, "parallelism": 1, "salt": "..." },
 *   "check": { "nonce": "...", "sealed": "..." },
 *   "keys": { "messages": { "nonce": "...", "sealed": "..." } } }
 * </pre>
 */
final class KeyringCodec {

    static final int FORMAT = 1;
    private static final JsonLimits LIMITS = new JsonLimits(256 * 1024, 4, 1024, 256);
    private static final Set<String> MEMBERS = Set.of("format", "suite", "kdf", "check", "keys", "inboxes");
    private static final Set<String> INBOX_MEMBERS = Set.of("publicKey", "privateKey");
    private static final Set<String> KDF_MEMBERS = Set.of("algorithm", "memoryKiB", "iterations", "parallelism", "salt");
    private static final Set<String> WRAPPED_MEMBERS = Set.of("nonce", "sealed");

    private KeyringCodec() {
    }

    static byte[] encode(Keyring keyring) {
        JsonObject.Builder keys = JsonObject.builder();
        keyring.keys().forEach((store, wrapped) -> keys.put(store, wrapped(wrapped)));
        JsonObject.Builder inboxes = JsonObject.builder();
        keyring.inboxes().forEach((store, inbox) -> inboxes.put(store, JsonObject.builder()
                .put("publicKey", base64(inbox.publicKey()))
                .put("privateKey", wrapped(inbox.privateKey()))
                .build()));
        return JsonWriter.indented().writeUtf8(JsonObject.builder()
                .put("format", FORMAT)
                .put("suite", keyring.suite().name())
                .put("kdf", JsonObject.builder()
                        .put("algorithm", "argon2id")
                        .put("memoryKiB", keyring.kdf().memoryKiB())
                        .put("iterations", keyring.kdf().iterations())
                        .put("parallelism", keyring.kdf().parallelism())
                        .put("salt", base64(keyring.salt()))
                        .build())
                .put("check", wrapped(keyring.check()))
                .put("keys", keys.build())
                .put("inboxes", inboxes.build())
                .build());
    }

    static Keyring decode(byte[] bytes) throws SealedStorageException {
        try {
            JsonObject json = JsonParser.parseObject(bytes, LIMITS).requireOnly(MEMBERS);
            if (json.requireInt("format") != FORMAT) {
                throw malformed("unsupported keyring format " + json.requireInt("format"), null);
            }
            Suite suite = suite(json.requireString("suite"));
            JsonObject kdf = json.requireObject("kdf").requireOnly(KDF_MEMBERS);
            if (!"argon2id".equals(kdf.requireString("algorithm"))) {
                throw malformed("unsupported PIN key derivation", null);
            }
            PinKdfParameters cost = new PinKdfParameters(kdf.requireInt("memoryKiB"), kdf.requireInt("iterations"),
                    kdf.requireInt("parallelism"));
            byte[] salt = bytes(kdf.requireString("salt"));
            if (salt.length < 16) {
                throw malformed("salt shorter than 16 bytes", null);
            }
            Keyring.Wrapped check = wrapped(json.requireObject("check"), suite.aead());
            Map<String, Keyring.Wrapped> keys = new LinkedHashMap<>();
            JsonObject keyList = json.requireObject("keys");
            for (String store : keyList.names()) {
                if (!KeyHierarchy.STORE_NAME.matcher(store).matches()) {
                    throw malformed("invalid store name in the keyring", null);
                }
                keys.put(store, wrapped(keyList.requireObject(store), suite.aead()));
            }
            Map<String, Keyring.Inbox> inboxes = new LinkedHashMap<>();
            JsonObject inboxList = json.optionalObject("inboxes").orElse(JsonObject.empty());
            for (String store : inboxList.names()) {
                if (!KeyHierarchy.STORE_NAME.matcher(store).matches()) {
                    throw malformed("invalid store name in the keyring's inboxes", null);
                }
                JsonObject inbox = inboxList.requireObject(store).requireOnly(INBOX_MEMBERS);
                inboxes.put(store, new Keyring.Inbox(bytes(inbox.requireString("publicKey")),
                        wrapped(inbox.requireObject("privateKey"), suite.aead())));
            }
            return new Keyring(suite, cost, salt, check, keys, inboxes);
        } catch (JsonException | IllegalArgumentException e) {
            throw malformed("the keyring is not valid: " + e.getMessage(), e);
        }
    }

    private static Keyring.Wrapped wrapped(JsonObject json, AeadAlgorithm aead) throws JsonException,
            SealedStorageException {
        json.requireOnly(WRAPPED_MEMBERS);
        byte[] nonce = bytes(json.requireString("nonce"));
        byte[] sealed = bytes(json.requireString("sealed"));
        if (nonce.length != AeadAlgorithm.NONCE_LENGTH || sealed.length < AeadAlgorithm.TAG_LENGTH) {
            throw malformed("a wrapped key of the wrong size", null);
        }
        return new Keyring.Wrapped(nonce, sealed);
    }

    private static JsonObject wrapped(Keyring.Wrapped wrapped) {
        return JsonObject.builder().put("nonce", base64(wrapped.nonce())).put("sealed", base64(wrapped.sealed())).build();
    }

    private static Suite suite(String name) throws SealedStorageException {
        for (Suite suite : Suite.values()) {
            if (suite.name().equals(name)) {
                return suite;
            }
        }
        throw malformed("unknown suite in the keyring", null);
    }

    private static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static SealedStorageException malformed(String message, Throwable cause) {
        return new SealedStorageException(Reason.MALFORMED, message, cause);
    }
}
