package org.redoubt.crypto.documents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * Writes a root document (the payload that a threshold of root keys signs into an envelope of
 * type {@link TrustRoot#PAYLOAD_TYPE}) in exactly the form {@link TrustRoot#parse} reads. Used by
 * the build's development root and by operator tooling.
 *
 * @since 1.0
 */
public final class TrustRootWriter {

    /**
     * One role's keys and threshold.
     *
     * @param threshold how many distinct keys must sign, 1..keys
     * @param keys      the role's public keys, no key twice
     */
    public record RoleEntry(int threshold, List<VerificationKey> keys) {

        /** @throws IllegalArgumentException for an empty or repeating key list or a threshold out of range */
        public RoleEntry {
            keys = List.copyOf(keys);
            if (keys.isEmpty() || Set.copyOf(keys).size() != keys.size()) {
                throw new IllegalArgumentException("a role needs at least one key and no key twice");
            }
            if (threshold < 1 || threshold > keys.size()) {
                throw new IllegalArgumentException("threshold must be 1.." + keys.size() + ": " + threshold);
            }
        }
    }

    private TrustRootWriter() {
    }

    /**
     * @param version  the root's version, at least 1
     * @param issuedAt when it was issued (whole seconds are written)
     * @param expires  when it expires, not before {@code issuedAt}
     * @param roles    an entry for every {@link Role}
     * @return the compact UTF-8 JSON payload
     * @throws IllegalArgumentException when a role is missing, the version is below 1 or the times
     *                                  are out of order
     */
    public static byte[] write(long version, Instant issuedAt, Instant expires, Map<Role, RoleEntry> roles) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expires, "expires");
        Map<Role, RoleEntry> byRole = new EnumMap<>(Role.class);
        byRole.putAll(roles);
        if (version < 1 || expires.isBefore(issuedAt) || byRole.size() != Role.values().length) {
            throw new IllegalArgumentException("a root needs version >= 1, expires >= issuedAt and every role");
        }
        Set<VerificationKey> allKeys = new LinkedHashSet<>();
        JsonObject.Builder roleJson = JsonObject.builder();
        for (Map.Entry<Role, RoleEntry> role : byRole.entrySet()) {
            JsonArray.Builder ids = JsonArray.builder();
            for (VerificationKey key : role.getValue().keys()) {
                allKeys.add(key);
                ids.add(key.keyId().hex());
            }
            roleJson.put(role.getKey().id(), JsonObject.builder()
                    .put("keyids", ids.build())
                    .put("threshold", role.getValue().threshold())
                    .build());
        }
        JsonObject.Builder keys = JsonObject.builder();
        for (VerificationKey key : allKeys) {
            JsonObject.Builder entry = JsonObject.builder()
                    .put("scheme", key.scheme().id())
                    .put("publicKey", Base64.getEncoder().encodeToString(key.subjectPublicKeyInfo()));
            if (!key.distinguishingId().isNone()) {
                entry.put("distinguishingId", key.distinguishingId().toString());
            }
            keys.put(key.keyId().hex(), entry.build());
        }
        return JsonWriter.compact().writeUtf8(JsonObject.builder()
                .put("type", TrustRoot.DOCUMENT_TYPE)
                .put("version", version)
                .put("issuedAt", issuedAt.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("keys", keys.build())
                .put("roles", roleJson.build())
                .build());
    }
}
