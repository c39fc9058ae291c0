package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.Fixtures.MemoryFloors;
import org.redoubt.crypto.documents.Fixtures.MemoryTime;
import org.redoubt.crypto.documents.Fixtures.RoleSpec;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;

class RootRotationTest {

    private static final int CAP = 64 * 1024;

    private static SigningKey oldRootEd;
    private static SigningKey oldRootSm;
    private static SigningKey newRootEc;
    private static SigningKey newRootEd;
    private static SigningKey compromisedPolicy;
    private static SigningKey newPolicy;
    private static Map<Role, RoleSpec> oldRoles;
    private static Map<Role, RoleSpec> newRoles;
    private static TrustRoot v1;

    private final RootRotation rotation = new RootRotation(Fixtures.PROVIDER);
    private MemoryFloors floors;
    private MemoryTime time;

    @BeforeAll
    static void keys() throws DocumentException {
        oldRootEd = Fixtures.ed25519();
        oldRootSm = Fixtures.sm2();
        newRootEc = Fixtures.ecdsa();
        newRootEd = Fixtures.ed25519();
        compromisedPolicy = Fixtures.ecdsa();
        newPolicy = Fixtures.sm2();
        SigningKey release = Fixtures.sm2();
        SigningKey command = Fixtures.ed25519();
        oldRoles = new EnumMap<>(Role.class);
        oldRoles.put(Role.ROOT, RoleSpec.of(2, oldRootEd, oldRootSm));
        oldRoles.put(Role.POLICY, RoleSpec.of(1, compromisedPolicy));
        oldRoles.put(Role.RELEASE, RoleSpec.of(1, release));
        oldRoles.put(Role.COMMAND, RoleSpec.of(1, command));
        newRoles = new EnumMap<>(oldRoles);
        newRoles.put(Role.ROOT, RoleSpec.of(2, newRootEc, newRootEd));
        newRoles.put(Role.POLICY, RoleSpec.of(1, newPolicy));
        v1 = Fixtures.root(1, oldRoles);
    }

    @BeforeEach
    void state() {
        floors = new MemoryFloors();
        time = new MemoryTime(Fixtures.NOW);
    }

    @Test
    void rotatesWhenBothThresholdsSignAndReportsChangedRoles() {
        RotationVerdict verdict = rotate(rootEnvelope(2, Fixtures.EXPIRES, oldRootEd, oldRootSm, newRootEc, newRootEd));
        RotationVerdict.Rotated rotated = assertInstanceOf(RotationVerdict.Rotated.class, verdict);
        assertEquals(2, rotated.root().version());
        assertEquals(Set.of(Role.ROOT, Role.POLICY), rotated.changedRoles());
        assertNothingCommitted();
    }

    @Test
    void signedOnlyByTheNewKeysIsRefused() {
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, rotate(rootEnvelope(2, Fixtures.EXPIRES, newRootEc, newRootEd)));
    }

    @Test
    void signedOnlyByTheOldKeysIsRefused() {
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, rotate(rootEnvelope(2, Fixtures.EXPIRES, oldRootEd, oldRootSm)));
    }

    @Test
    void oneOldKeyIsNotEnough() {
        assertRejected(ReasonCode.THRESHOLD_NOT_MET,
                rotate(rootEnvelope(2, Fixtures.EXPIRES, oldRootEd, newRootEc, newRootEd)));
    }

    @Test
    void skippingAVersionIsRefused() {
        assertRejected(ReasonCode.VERSION_SKIP,
                rotate(rootEnvelope(3, Fixtures.EXPIRES, oldRootEd, oldRootSm, newRootEc, newRootEd)));
    }

    @Test
    void theSameOrAnOlderVersionIsARollback() {
        assertRejected(ReasonCode.ROLLBACK,
                rotate(rootEnvelope(1, Fixtures.EXPIRES, oldRootEd, oldRootSm, newRootEc, newRootEd)));
    }

    @Test
    void anExpiredRootIsRefused() {
        Instant past = Fixtures.NOW.minusSeconds(60);
        assertRejected(ReasonCode.EXPIRED, rotate(rootEnvelope(2, past, oldRootEd, oldRootSm, newRootEc, newRootEd)));
    }

    @Test
    void aRootWithAnUnsupportedSchemeIsRefused() {
        JsonObject json = Fixtures.rootJson(2, Fixtures.EXPIRES, newRoles);
        JsonObject keys = TrustRootTest.obj(json, "keys");
        JsonObject entry = TrustRootTest.replace(TrustRootTest.obj(keys, Fixtures.hex(newPolicy)), "scheme",
                JsonString.of("sm2-sha256"));
        byte[] payload = Fixtures.bytes(TrustRootTest.replace(json, "keys",
                TrustRootTest.replace(keys, Fixtures.hex(newPolicy), entry)));
        assertRejected(ReasonCode.UNSUPPORTED_SCHEME, rotate(Fixtures.envelope(TrustRoot.PAYLOAD_TYPE, payload,
                oldRootEd, oldRootSm, newRootEc, newRootEd)));
    }

    @Test
    void wrongPayloadTypeIsRefused() {
        byte[] payload = Fixtures.bytes(Fixtures.rootJson(2, Fixtures.EXPIRES, newRoles));
        assertRejected(ReasonCode.WRONG_PAYLOAD_TYPE, rotate(Fixtures.envelope(Fixtures.POLICY_TYPE, payload,
                oldRootEd, oldRootSm, newRootEc, newRootEd)));
    }

    @Test
    void hugeRootIsTooLarge() {
        assertRejected(ReasonCode.TOO_LARGE, rotation.verify(v1,
                rootEnvelope(2, Fixtures.EXPIRES, oldRootEd, oldRootSm, newRootEc, newRootEd), 100, time));
    }

    /** SECURITY.md row 3: a huge version signed by a later-revoked key, then recovery. */
    @Test
    void rotationRecoversFromAFastForwardAttack() {
        DocumentVerifier verifier = new DocumentVerifier(Fixtures.PROVIDER);
        Expectation policy = new Expectation(Role.POLICY, Fixtures.POLICY_TYPE, Fixtures.POLICY_DOC, Fixtures.DEVICE_A, CAP);
        FloorKey releaseFloor = new FloorKey(Role.RELEASE, "redoubt.release", "{\"device\":\"device-a\"}");
        floors.raise(releaseFloor, new VersionFloor(7, new byte[32]));

        byte[] attack = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(Long.MAX_VALUE, "frozen"), compromisedPolicy);
        verifier.commit(assertInstanceOf(Verdict.Accepted.class, verifier.verify(attack, policy, v1, floors, time)),
                floors, time);
        byte[] honest = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "honest"), newPolicy);

        RotationVerdict.Rotated rotated = assertInstanceOf(RotationVerdict.Rotated.class,
                rotate(rootEnvelope(2, Fixtures.EXPIRES, oldRootEd, oldRootSm, newRootEc, newRootEd)));
        rotation.commit(rotated, floors, time);
        TrustRoot v2 = rotated.root();

        assertTrue(floors.floor(releaseFloor).isPresent(), "unchanged roles keep their floors");
        Verdict replay = verifier.verify(attack, policy, v2, floors, time);
        assertEquals(ReasonCode.THRESHOLD_NOT_MET, assertInstanceOf(Verdict.Rejected.class, replay).reason());
        assertInstanceOf(Verdict.Accepted.class, verifier.verify(honest, policy, v2, floors, time));
    }

    @Test
    void aProvisionedRootMustBeSignedByAThresholdOfItsOwnRootKeys() {
        RotationVerdict.Rotated provisioned = assertInstanceOf(RotationVerdict.Rotated.class,
                rotation.verifyProvisioned(rootEnvelope(2, Fixtures.EXPIRES, newRootEc, newRootEd), CAP));
        assertEquals(2, provisioned.root().version());
        assertEquals(Set.of(Role.values()), provisioned.changedRoles());

        assertRejected(ReasonCode.THRESHOLD_NOT_MET,
                rotation.verifyProvisioned(rootEnvelope(2, Fixtures.EXPIRES, newRootEc), CAP));
        assertRejected(ReasonCode.THRESHOLD_NOT_MET,
                rotation.verifyProvisioned(rootEnvelope(2, Fixtures.EXPIRES, oldRootEd, oldRootSm), CAP));
        assertRejected(ReasonCode.WRONG_PAYLOAD_TYPE, rotation.verifyProvisioned(Fixtures.envelope(Fixtures.POLICY_TYPE,
                Fixtures.bytes(Fixtures.rootJson(2, Fixtures.EXPIRES, newRoles)), newRootEc, newRootEd), CAP));
        assertRejected(ReasonCode.TOO_LARGE,
                rotation.verifyProvisioned(rootEnvelope(2, Fixtures.EXPIRES, newRootEc, newRootEd), 100));
        assertRejected(ReasonCode.MALFORMED_ENVELOPE, rotation.verifyProvisioned(Fixtures.utf8("{\"payload\":"), CAP));
    }

    @Test
    void anExpiredRootCanStillBeProvisioned() {
        Instant past = Fixtures.NOW.minusSeconds(60);
        assertInstanceOf(RotationVerdict.Rotated.class,
                rotation.verifyProvisioned(rootEnvelope(2, past, newRootEc, newRootEd), CAP),
                "a handset whose root expired must still boot and accept the next root");
    }

    private byte[] rootEnvelope(long version, Instant expires, SigningKey... signers) {
        return Fixtures.envelope(TrustRoot.PAYLOAD_TYPE, Fixtures.bytes(Fixtures.rootJson(version, expires, newRoles)), signers);
    }

    private RotationVerdict rotate(byte[] envelope) {
        return rotation.verify(v1, envelope, CAP, time);
    }

    private void assertRejected(ReasonCode reason, RotationVerdict verdict) {
        RotationVerdict.Rejected rejected = assertInstanceOf(RotationVerdict.Rejected.class, verdict, () -> "expected " + reason);
        assertEquals(reason, rejected.reason(), rejected.detail());
        assertNothingCommitted();
    }

    private void assertNothingCommitted() {
        assertEquals(0, floors.changes, "version floors changed");
        assertEquals(0, time.changes, "time floor changed");
    }
}
