package org.redoubt.crypto.documents;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.KeyId;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.internal.TrustRootReader;

/**
 * A parsed, checked trust root (payload type {@value #PAYLOAD_TYPE}, document type
 * {@value #DOCUMENT_TYPE}): its version and validity, the keys it lists and the keys and threshold
 * of each {@link Role}. Every listed key is a valid key of a supported scheme whose key id is the
 * SHA-256 of its SubjectPublicKeyInfo, and every role names only listed keys.
 *
 * <p>Only a root that came from provisioning or from {@link RootRotation} should be trusted;
 * {@link #parse} checks the document, not who signed it.
 *
 * @since 1.0
 */
public final class TrustRoot {

    /** The DSSE payload type of root envelopes. */
    public static final String PAYLOAD_TYPE = "application/vnd.redoubt.root+json";

    /** The {@code type} member of root documents. */
    public static final String DOCUMENT_TYPE = "redoubt.root";

    private final long version;
    private final Instant issuedAt;
    private final Instant expires;
    private final Map<KeyId, VerificationKey> keys;
    private final Map<Role, RoleKeys> roles;
    private final byte[] payload;

    private TrustRoot(long version, Instant issuedAt, Instant expires, Map<KeyId, VerificationKey> keys,
            Map<Role, RoleKeys> roles, byte[] payload) {
        this.version = version;
        this.issuedAt = issuedAt;
        this.expires = expires;
        this.keys = keys;
        this.roles = roles;
        this.payload = payload;
    }

    /**
     * Builds a root from checked parts; used by the reader.
     *
     * @param version  at least 1
     * @param issuedAt when it was issued
     * @param expires  when it expires, not before {@code issuedAt}
     * @param keys     the listed keys, each under its own key id
     * @param roles    all four roles, naming listed keys only
     * @param payload  the payload bytes the root was read from (copied)
     * @return the root
     * @throws IllegalArgumentException when the parts are inconsistent
     */
    public static TrustRoot of(long version, Instant issuedAt, Instant expires, Map<KeyId, VerificationKey> keys,
            Map<Role, RoleKeys> roles, byte[] payload) {
        if (version < 1 || expires.isBefore(issuedAt)) {
            throw new IllegalArgumentException("version below 1 or expiry before issue");
        }
        Map<KeyId, VerificationKey> keyCopy = new LinkedHashMap<>(keys);
        keyCopy.forEach((id, key) -> {
            if (!key.keyId().equals(id)) {
                throw new IllegalArgumentException("key listed under another key id: " + id);
            }
        });
        Map<Role, RoleKeys> roleCopy = new EnumMap<>(Role.class);
        roleCopy.putAll(roles);
        for (Role role : Role.values()) {
            RoleKeys roleKeys = roleCopy.get(role);
            if (roleKeys == null || !keyCopy.keySet().containsAll(roleKeys.keyIds())) {
                throw new IllegalArgumentException("role missing or naming unlisted keys: " + role.id());
            }
        }
        return new TrustRoot(version, Objects.requireNonNull(issuedAt, "issuedAt"), expires,
                Map.copyOf(keyCopy), Map.copyOf(roleCopy), payload.clone());
    }

    /**
     * Reads and checks a root document (the payload of a root envelope).
     *
     * @param payload  the root JSON
     * @param provider checks that every listed key is a valid key of its scheme
     * @return the root
     * @throws DocumentException {@link ReasonCode#MALFORMED_DOCUMENT}, {@link ReasonCode#UNKNOWN_FIELD},
     *                           {@link ReasonCode#WRONG_TYPE}, {@link ReasonCode#UNSUPPORTED_SCHEME},
     *                           {@link ReasonCode#INVALID_KEY} or {@link ReasonCode#TOO_LARGE}
     */
    public static TrustRoot parse(byte[] payload, CryptoProvider provider) throws DocumentException {
        return TrustRootReader.read(payload, provider);
    }

    /** @return the version, at least 1 */
    public long version() {
        return version;
    }

    /** @return when it was issued */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return when it expires */
    public Instant expires() {
        return expires;
    }

    /** @return every listed key by key id (unmodifiable) */
    public Map<KeyId, VerificationKey> keys() {
        return keys;
    }

    /**
     * @param role a role
     * @return its key ids and threshold
     */
    public RoleKeys role(Role role) {
        return roles.get(role);
    }

    /**
     * @param role a role
     * @return the role's keys by key id (unmodifiable)
     */
    public Map<KeyId, VerificationKey> keysOf(Role role) {
        Map<KeyId, VerificationKey> result = new LinkedHashMap<>();
        for (KeyId id : roles.get(role).keyIds()) {
            result.put(id, keys.get(id));
        }
        return Map.copyOf(result);
    }

    /**
     * @param next a later root
     * @return the roles whose set of keys differs between this root and {@code next}
     */
    public Set<Role> rolesWithChangedKeys(TrustRoot next) {
        Set<Role> changed = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (!Set.copyOf(keysOf(role).values()).equals(Set.copyOf(next.keysOf(role).values()))) {
                changed.add(role);
            }
        }
        return changed;
    }

    /** @return a copy of the payload bytes this root was read from, to persist */
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "root v" + version;
    }
}
