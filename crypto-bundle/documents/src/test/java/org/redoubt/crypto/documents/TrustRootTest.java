package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.Fixtures.RoleSpec;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;

class TrustRootTest {

    private static SigningKey ed;
    private static SigningKey ec;
    private static SigningKey sm;
    private static Map<Role, RoleSpec> roles;

    @BeforeAll
    static void keys() {
        ed = Fixtures.ed25519();
        ec = Fixtures.ecdsa();
        sm = Fixtures.sm2();
        roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, RoleSpec.of(2, ed, sm));
        roles.put(Role.POLICY, RoleSpec.of(1, ec));
        roles.put(Role.RELEASE, RoleSpec.of(1, sm));
        roles.put(Role.COMMAND, RoleSpec.of(2, ec, ed));
    }

    @Test
    void readsARootWithKeysOfBothSuites() throws Exception {
        TrustRoot root = TrustRoot.parse(Fixtures.bytes(Fixtures.rootJson(3, Fixtures.EXPIRES, roles)), Fixtures.PROVIDER);
        assertEquals(3, root.version());
        assertEquals(3, root.keys().size());
        assertEquals(2, root.role(Role.ROOT).threshold());
        assertEquals(SignatureScheme.SM2_SM3, root.keysOf(Role.RELEASE).values().iterator().next().scheme());
        assertTrue(root.keysOf(Role.COMMAND).containsKey(ec.verificationKey().keyId()));
    }

    @Test
    void unsupportedSchemeRejectsTheRoot() {
        assertEquals(ReasonCode.UNSUPPORTED_SCHEME, reasonOf(json -> editKey(json, ec, "scheme", JsonString.of("rsa-pss"))));
    }

    @Test
    void keyIdMustBeTheDigestOfThePublicKey() {
        assertEquals(ReasonCode.INVALID_KEY, reasonOf(json -> editKey(json, ec, "publicKey",
                JsonString.of(java.util.Base64.getEncoder().encodeToString(ed.verificationKey().subjectPublicKeyInfo())))));
    }

    @Test
    void sm2KeysNeedADistinguishingIdAndOthersMustNotHaveOne() {
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> editKey(json, sm, "distinguishingId", null)));
        assertEquals(ReasonCode.MALFORMED_DOCUMENT,
                reasonOf(json -> editKey(json, ed, "distinguishingId", JsonString.of("1234567812345678"))));
    }

    @Test
    void thresholdMustBeBetweenOneAndTheNumberOfKeys() {
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> editRole(json, "root", "threshold", 0)));
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> editRole(json, "root", "threshold", 3)));
    }

    @Test
    void everyRoleKeyMustBeListed() {
        SigningKey stranger = Fixtures.ed25519();
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> {
            JsonObject roleObject = Fixtures.roleEntry(RoleSpec.of(1, stranger));
            return replace(json, "roles", replace(obj(json, "roles"), "policy", roleObject));
        }));
    }

    @Test
    void allFourRolesAreRequired() {
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> replace(json, "roles", replace(obj(json, "roles"), "command", null))));
    }

    @Test
    void unknownMembersAreRejected() {
        assertEquals(ReasonCode.UNKNOWN_FIELD, reasonOf(json -> replace(json, "comment", JsonString.of("hi"))));
        assertEquals(ReasonCode.UNKNOWN_FIELD, reasonOf(json -> replace(json, "roles",
                replace(obj(json, "roles"), "audit", Fixtures.roleEntry(RoleSpec.of(1, ec))))));
    }

    @Test
    void wrongDocumentTypeIsRejected() {
        assertEquals(ReasonCode.WRONG_TYPE, reasonOf(json -> replace(json, "type", JsonString.of("redoubt.policy"))));
    }

    @Test
    void timestampsMustBeUtcRfc3339() {
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> replace(json, "expires", JsonString.of("2026-07-01T00:00:00+00:00"))));
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> replace(json, "expires", JsonString.of("2026-02-30T00:00:00Z"))));
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> replace(json, "expires", JsonString.of("2026-07-01 00:00:00Z"))));
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, reasonOf(json -> replace(json, "issuedAt", JsonString.of("2026-08-01T00:00:00Z"))));
    }

    private static ReasonCode reasonOf(UnaryOperator<JsonObject> edit) {
        byte[] payload = Fixtures.bytes(edit.apply(Fixtures.rootJson(1, Fixtures.EXPIRES, roles)));
        return assertThrows(DocumentException.class, () -> TrustRoot.parse(payload, Fixtures.PROVIDER)).reason();
    }

    static JsonObject obj(JsonObject json, String name) {
        return (JsonObject) json.members().get(name);
    }

    /** A copy of {@code json} with {@code name} set to {@code value}, or removed when it is null. */
    static JsonObject replace(JsonObject json, String name, JsonValue value) {
        JsonObject.Builder copy = JsonObject.builder();
        json.members().forEach((key, old) -> {
            if (!key.equals(name)) {
                copy.put(key, old);
            } else if (value != null) {
                copy.put(key, value);
            }
        });
        if (value != null && !json.has(name)) {
            copy.put(name, value);
        }
        return copy.build();
    }

    private static JsonObject editKey(JsonObject json, SigningKey key, String member, JsonValue value) {
        JsonObject keys = obj(json, "keys");
        JsonObject entry = replace(obj(keys, Fixtures.hex(key)), member, value);
        return replace(json, "keys", replace(keys, Fixtures.hex(key), entry));
    }

    private static JsonObject editRole(JsonObject json, String role, String member, long value) {
        JsonObject roleObjects = obj(json, "roles");
        JsonObject entry = replace(obj(roleObjects, role), member, org.redoubt.json.JsonNumber.of(value));
        return replace(json, "roles", replace(roleObjects, role, entry));
    }
}
