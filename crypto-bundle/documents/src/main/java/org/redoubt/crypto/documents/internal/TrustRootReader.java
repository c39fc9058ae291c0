package org.redoubt.crypto.documents.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.KeyId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.RoleKeys;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/** Reads a root document strictly; see {@link TrustRoot#parse}. */
public final class TrustRootReader {

    private static final Set<String> ROOT_MEMBERS = Set.of("type", "version", "issuedAt", "expires", "keys", "roles");
    private static final Set<String> KEY_MEMBERS = Set.of("scheme", "publicKey", "distinguishingId");
    private static final Set<String> ROLE_MEMBERS = Set.of("keyids", "threshold");
    private static final Set<String> ROLE_NAMES = Set.of("root", "policy", "release", "command");

    private TrustRootReader() {
    }

    /**
     * @param payload  the root JSON
     * @param provider validates the keys
     * @return the root
     * @throws DocumentException as {@link TrustRoot#parse}
     */
    public static TrustRoot read(byte[] payload, CryptoProvider provider) throws DocumentException {
        try {
            JsonObject root = JsonParser.parseObject(payload, JsonLimits.DEFAULT).requireOnly(ROOT_MEMBERS);
            String type = root.requireString("type");
            if (!TrustRoot.DOCUMENT_TYPE.equals(type)) {
                throw new DocumentException(ReasonCode.WRONG_TYPE, "not a root document: " + Detail.quote(type));
            }
            long version = root.requireLong("version");
            if (version < 1) {
                throw malformed(root.invalid("version", "must be at least 1"));
            }
            Instant issuedAt = instant(root, "issuedAt");
            Instant expires = instant(root, "expires");
            if (issuedAt.isAfter(expires)) {
                throw malformed(root.invalid("issuedAt", "after expires"));
            }
            Map<KeyId, VerificationKey> keys = keys(root.requireObject("keys"), provider);
            Map<Role, RoleKeys> roles = roles(root.requireObject("roles"), keys);
            return TrustRoot.of(version, issuedAt, expires, keys, roles, payload);
        } catch (JsonException e) {
            throw JsonFailures.ofDocument(e);
        }
    }

    /**
     * @param object an object
     * @param name   a member holding an RFC 3339 UTC timestamp
     * @return the instant
     * @throws JsonException when absent, not a string or not such a timestamp
     */
    public static Instant instant(JsonObject object, String name) throws JsonException {
        Optional<Instant> instant = Rfc3339.parse(object.requireString(name));
        if (instant.isEmpty()) {
            throw object.invalid(name, "not an RFC 3339 UTC timestamp ending in Z");
        }
        return instant.get();
    }

    private static Map<KeyId, VerificationKey> keys(JsonObject list, CryptoProvider provider)
            throws JsonException, DocumentException {
        if (list.isEmpty()) {
            throw malformed("no keys at " + list.path());
        }
        Map<KeyId, VerificationKey> keys = new LinkedHashMap<>();
        for (String hex : list.names()) {
            KeyId id = keyId(hex, list);
            JsonObject entry = list.requireObject(hex).requireOnly(KEY_MEMBERS);
            String schemeName = entry.requireString("scheme");
            SignatureScheme scheme = SignatureScheme.fromId(schemeName).orElseThrow(
                    () -> new DocumentException(ReasonCode.UNSUPPORTED_SCHEME, "unsupported scheme " + Detail.quote(schemeName)
                            + " at " + entry.path()));
            byte[] spki = StrictBase64.decode(entry.requireString("publicKey")).orElseThrow(
                    () -> malformed(entry.invalid("publicKey", "not canonical padded standard base64")));
            if (spki.length == 0) {
                throw malformed(entry.invalid("publicKey", "empty"));
            }
            Optional<String> distinguishing = entry.optionalString("distinguishingId");
            if (scheme.needsDistinguishingId() != distinguishing.isPresent()) {
                throw malformed(entry.invalid("distinguishingId", scheme.needsDistinguishingId()
                        ? "required for " + scheme.id() : "not allowed for " + scheme.id()));
            }
            DistinguishingId distinguishingId = distinguishingId(distinguishing, entry);
            VerificationKey key = VerificationKey.of(scheme, spki, distinguishingId);
            if (!key.keyId().equals(id)) {
                throw new DocumentException(ReasonCode.INVALID_KEY,
                        "key id is not the SHA-256 of the public key at " + entry.path());
            }
            try {
                provider.validate(key);
            } catch (CryptoException e) {
                throw new DocumentException(ReasonCode.INVALID_KEY, "not a valid " + scheme.id() + " key at "
                        + entry.path(), e);
            }
            keys.put(id, key);
        }
        return keys;
    }

    private static DistinguishingId distinguishingId(Optional<String> text, JsonObject entry)
            throws DocumentException {
        if (text.isEmpty()) {
            return DistinguishingId.NONE;
        }
        byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > DistinguishingId.MAX_LENGTH) {
            throw malformed(entry.invalid("distinguishingId", "must have 1.." + DistinguishingId.MAX_LENGTH + " bytes"));
        }
        return DistinguishingId.of(bytes);
    }

    private static Map<Role, RoleKeys> roles(JsonObject list, Map<KeyId, VerificationKey> keys)
            throws JsonException, DocumentException {
        list.requireOnly(ROLE_NAMES);
        Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            JsonObject entry = list.requireObject(role.id()).requireOnly(ROLE_MEMBERS);
            JsonArray ids = entry.requireArray("keyids");
            Set<KeyId> keyIds = new LinkedHashSet<>();
            for (String hex : ids.requireStrings()) {
                KeyId id = keyId(hex, entry);
                if (!keys.containsKey(id)) {
                    throw malformed(entry.invalid("keyids", "names a key the root does not list: " + hex));
                }
                if (!keyIds.add(id)) {
                    throw malformed(entry.invalid("keyids", "names a key twice: " + hex));
                }
            }
            if (keyIds.isEmpty()) {
                throw malformed(entry.invalid("keyids", "no keys"));
            }
            int threshold = entry.requireInt("threshold");
            if (threshold < 1 || threshold > keyIds.size()) {
                throw malformed(entry.invalid("threshold", "must be 1.." + keyIds.size()));
            }
            roles.put(role, new RoleKeys(keyIds, threshold));
        }
        return roles;
    }

    private static KeyId keyId(String hex, JsonObject where) throws DocumentException {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new DocumentException(ReasonCode.MALFORMED_DOCUMENT,
                    "a key id is 64 lower-case hex digits, at " + where.path());
        }
        return new KeyId(hex);
    }

    private static DocumentException malformed(JsonException cause) {
        return new DocumentException(ReasonCode.MALFORMED_DOCUMENT, cause.getMessage(), cause);
    }

    private static DocumentException malformed(String detail) {
        return new DocumentException(ReasonCode.MALFORMED_DOCUMENT, detail);
    }
}
