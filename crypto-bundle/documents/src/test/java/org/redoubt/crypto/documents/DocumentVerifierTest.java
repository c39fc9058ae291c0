package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.Fixtures.MemoryFloors;
import org.redoubt.crypto.documents.Fixtures.MemoryTime;
import org.redoubt.crypto.documents.Fixtures.RoleSpec;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;

class DocumentVerifierTest {

    private static final int CAP = 64 * 1024;
    private static final Expectation POLICY = new Expectation(Role.POLICY, Fixtures.POLICY_TYPE, Fixtures.POLICY_DOC,
            Fixtures.DEVICE_A, CAP);

    static SigningKey policyEc;
    static SigningKey policyEd;
    static SigningKey policySm;
    private static SigningKey commandEc;
    private static TrustRoot root;

    private final DocumentVerifier verifier = newVerifier();
    private MemoryFloors floors;
    private MemoryTime time;

    @BeforeAll
    static void keys() throws DocumentException {
        policyEc = Fixtures.ecdsa();
        policyEd = Fixtures.ed25519();
        policySm = Fixtures.sm2();
        commandEc = Fixtures.ecdsa();
        Map<Role, RoleSpec> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, RoleSpec.of(1, Fixtures.ed25519()));
        roles.put(Role.POLICY, RoleSpec.of(2, policyEc, policyEd, policySm));
        roles.put(Role.RELEASE, RoleSpec.of(1, Fixtures.sm2()));
        roles.put(Role.COMMAND, RoleSpec.of(1, commandEc));
        root = Fixtures.root(1, roles);
    }

    static TrustRoot rootForTests() {
        return root;
    }

    /** @return the verifier under test; a subclass runs every test again with another one */
    DocumentVerifier newVerifier() {
        return new DocumentVerifier(Fixtures.PROVIDER);
    }

    @BeforeEach
    void state() {
        floors = new MemoryFloors();
        time = new MemoryTime(Fixtures.NOW);
    }

    @Test
    void acceptsAndCommitsAThresholdSignedPolicy() {
        byte[] payload = Fixtures.policyFor(5, "first");
        Verdict verdict = verify(Fixtures.envelope(Fixtures.POLICY_TYPE, payload, policyEc, policySm));
        Verdict.Accepted accepted = assertInstanceOf(Verdict.Accepted.class, verdict);
        assertEquals(5, accepted.header().version());
        assertEquals("first", ((JsonString) accepted.body().members().get("note")).value());
        assertArrayEquals(payload, accepted.payload());
        assertArrayEquals(Fixtures.PROVIDER.digest(HashAlgorithm.SHA256, payload), accepted.payloadDigest());
        assertNothingCommitted();

        verifier.commit(accepted, floors, time);
        assertEquals(5, floors.floor(accepted.floorKey()).orElseThrow().version());
        assertEquals(Fixtures.NOW, time.notEarlierThan(), "issuedAt is before the floor: the floor stays");
    }

    @Test
    void commitRaisesTheTimeFloorToIssuedAt() {
        time = new MemoryTime(Fixtures.ISSUED.minusSeconds(3600));
        Verdict.Accepted accepted = assertInstanceOf(Verdict.Accepted.class,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEc, policyEd)));
        verifier.commit(accepted, floors, time);
        assertEquals(Fixtures.ISSUED, time.notEarlierThan());
    }

    @Test
    void authenticateChecksSignaturesAndTargetButNotFreshness() {
        floors.raise(new FloorKey(Role.POLICY, Fixtures.POLICY_DOC, "{\"device\":\"device-a\"}"),
                new VersionFloor(9, new byte[32]));
        time.raiseTo(Fixtures.EXPIRES.plusSeconds(1));
        byte[] older = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(5, "old"), policyEc, policySm);
        assertEquals(ReasonCode.ROLLBACK, assertInstanceOf(Verdict.Rejected.class, verify(older)).reason());

        Verdict.Accepted authentic = assertInstanceOf(Verdict.Accepted.class,
                verifier.authenticate(older, POLICY, root));
        assertEquals(5, authentic.header().version());

        byte[] oneSignature = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(5, "old"), policyEc);
        assertEquals(ReasonCode.THRESHOLD_NOT_MET, assertInstanceOf(Verdict.Rejected.class,
                verifier.authenticate(oneSignature, POLICY, root)).reason());
        byte[] forB = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.bytes(Fixtures.policy(5,
                Fixtures.target("device-b", null, null), "b").build()), policyEc, policySm);
        assertEquals(ReasonCode.WRONG_TARGET, assertInstanceOf(Verdict.Rejected.class,
                verifier.authenticate(forB, POLICY, root)).reason());
    }

    @Test
    void eachRoleHasItsOwnKeys() {
        Expectation command = new Expectation(Role.COMMAND, "application/vnd.redoubt.command+json", "redoubt.command",
                Fixtures.DEVICE_A, CAP);
        byte[] payload = Fixtures.bytes(TrustRootTest.replace(Fixtures.policy(1, Fixtures.target("device-a", null, null), "lock")
                .build(), "type", JsonString.of("redoubt.command")));
        byte[] byCommandKey = Fixtures.envelope(command.payloadType(), payload, commandEc);
        assertInstanceOf(Verdict.Accepted.class, verifier.verify(byCommandKey, command, root, floors, time));
        byte[] byPolicyKeys = Fixtures.envelope(command.payloadType(), payload, policyEc, policyEd, policySm);
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, verifier.verify(byPolicyKeys, command, root, floors, time));
    }

    @Test
    void rejectionDetailsDoNotEchoRawInput() {
        byte[] payload = Fixtures.policyFor(1, "x");
        String hostile = "application/\u001b[31m" + "x".repeat(500);
        byte[] envelope = Fixtures.envelope(hostile, payload, policyEd, policyEc);
        Verdict.Rejected rejected = assertInstanceOf(Verdict.Rejected.class, verify(envelope));
        assertEquals(ReasonCode.WRONG_PAYLOAD_TYPE, rejected.reason());
        assertTrue(rejected.detail().length() < 120, rejected.detail());
        assertTrue(rejected.detail().chars().allMatch(c -> c >= 0x20 && c < 0x7f), rejected.detail());
    }

    @Test
    void signersAreTheRoleKeysWithAValidSignatureOnly() {
        Envelope good = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), List.of(policyEd, policyEc));
        Envelope other = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "y"), List.of(policySm));
        // policyEd and policyEc signed this payload; policySm's signature is over another one; commandEc is no policy key.
        Envelope command = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), List.of(commandEc));
        byte[] envelope = EnvelopeCodec.encode(Envelope.of(good.payloadType(), good.payload(), List.of(
                good.signatures().get(0), good.signatures().get(1), other.signatures().get(0), command.signatures().get(0))));

        assertEquals(java.util.Set.of(policyEd.verificationKey().keyId(), policyEc.verificationKey().keyId()),
                new java.util.HashSet<>(verifier.signers(envelope, Role.POLICY, root)));
        assertEquals(java.util.Set.of(), verifier.signers(new byte[] {'{'}, Role.POLICY, root));
    }

    @Test
    void oneOfTwoIsNotEnough() {
        assertRejected(ReasonCode.THRESHOLD_NOT_MET,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEd)));
    }

    @Test
    void aDuplicatedKeyIdCountsOnce() {
        Envelope signed = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), List.of(policyEd, policyEd));
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, verify(Fixtures.withSignatures(signed, 0, 1)));
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, verify(Fixtures.withSignatures(signed, 0, 0, 0)));
    }

    @Test
    void aKeyOfAnotherRoleDoesNotCount() {
        assertRejected(ReasonCode.THRESHOLD_NOT_MET,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEd, commandEc)));
    }

    @Test
    void anUnknownKeyDoesNotCount() {
        assertRejected(ReasonCode.THRESHOLD_NOT_MET,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEd, Fixtures.sm2())));
    }

    @Test
    void aSignatureUnderAnotherKeysIdDoesNotCount() {
        Envelope signed = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), List.of(policyEd, policyEc));
        EnvelopeSignature relabelled = EnvelopeSignature.of(Fixtures.hex(policySm), signed.signatures().get(1).signature());
        byte[] envelope = EnvelopeCodec.encode(Envelope.of(signed.payloadType(), signed.payload(),
                List.of(signed.signatures().get(0), relabelled)));
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, verify(envelope));
    }

    @Test
    void anInvalidSignatureBeforeAValidOneOfTheSameKeyStillLetsTheValidOneCount() {
        Envelope good = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), List.of(policyEd, policyEc));
        Envelope other = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "y"), List.of(policyEd));
        byte[] envelope = EnvelopeCodec.encode(Envelope.of(good.payloadType(), good.payload(),
                List.of(other.signatures().get(0), good.signatures().get(0), good.signatures().get(1))));
        assertInstanceOf(Verdict.Accepted.class, verify(envelope));
    }

    @Test
    void tamperedPayloadFailsTheThreshold() {
        Envelope signed = EnvelopeSigner.sign(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), List.of(policyEd, policyEc));
        byte[] envelope = EnvelopeCodec.encode(Envelope.of(signed.payloadType(), Fixtures.policyFor(1, "evil"),
                signed.signatures()));
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, verify(envelope));
    }

    @Test
    void tamperedPayloadTypeFailsTheThreshold() {
        byte[] payload = Fixtures.policyFor(1, "x");
        Envelope signedAsCommand = EnvelopeSigner.sign("application/vnd.redoubt.command+json", payload,
                List.of(policyEd, policyEc));
        byte[] relabelled = EnvelopeCodec.encode(Envelope.of(Fixtures.POLICY_TYPE, payload, signedAsCommand.signatures()));
        assertRejected(ReasonCode.THRESHOLD_NOT_MET, verify(relabelled));
        assertRejected(ReasonCode.WRONG_PAYLOAD_TYPE, verify(EnvelopeCodec.encode(signedAsCommand)));
    }

    @Test
    void hugeEnvelopeIsTooLarge() {
        byte[] payload = Fixtures.bytes(Fixtures.policy(1, Fixtures.target("device-a", null, null),
                "x".repeat(CAP)).build());
        assertRejected(ReasonCode.TOO_LARGE, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, payload, policyEd, policyEc)));
    }

    @Test
    void malformedEnvelopeIsRejected() {
        assertRejected(ReasonCode.MALFORMED_ENVELOPE, verify(Fixtures.utf8("{\"payloadType\":")));
    }

    @Test
    void wrongTargetIsRejected() {
        byte[] forB = Fixtures.bytes(Fixtures.policy(1, Fixtures.target("device-b", null, null), "x").build());
        assertRejected(ReasonCode.WRONG_TARGET, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, forB, policyEd, policyEc)));
        byte[] otherModel = Fixtures.bytes(Fixtures.policy(1, Fixtures.target("device-a", "field-team", "rdt-2"), "x").build());
        assertRejected(ReasonCode.WRONG_TARGET, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, otherModel, policyEd, policyEc)));
        byte[] nobody = Fixtures.bytes(Fixtures.policy(1, JsonObject.empty(), "x").build());
        assertRejected(ReasonCode.WRONG_TARGET, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, nobody, policyEd, policyEc)));
    }

    @Test
    void groupAndModelTargetsMatch() {
        byte[] forGroup = Fixtures.bytes(Fixtures.policy(1, Fixtures.target(null, "field-team", "rdt-1"), "x").build());
        assertInstanceOf(Verdict.Accepted.class, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, forGroup, policyEd, policyEc)));
    }

    @Test
    void wrongDocumentTypeIsRejected() {
        byte[] command = Fixtures.bytes(TrustRootTest.replace(Fixtures.policy(1, Fixtures.target("device-a", null, null), "x")
                .build(), "type", JsonString.of("redoubt.command")));
        assertRejected(ReasonCode.WRONG_TYPE, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, command, policyEd, policyEc)));
    }

    @Test
    void unknownFieldIsRejected() {
        byte[] extra = Fixtures.bytes(Fixtures.policy(1, Fixtures.target("device-a", null, null), "x")
                .put("priority", 1L).build());
        assertRejected(ReasonCode.UNKNOWN_FIELD, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, extra, policyEd, policyEc)));
        byte[] extraTarget = Fixtures.bytes(Fixtures.policy(1, JsonObject.builder().put("device", "device-a")
                .put("imei", "1").build(), "x").build());
        assertRejected(ReasonCode.UNKNOWN_FIELD, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, extraTarget, policyEd, policyEc)));
    }

    @Test
    void malformedDocumentsAreRejected() {
        byte[] notJson = Fixtures.utf8("not json");
        assertRejected(ReasonCode.MALFORMED_DOCUMENT, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, notJson, policyEd, policyEc)));
        byte[] zero = Fixtures.bytes(Fixtures.policy(0, Fixtures.target("device-a", null, null), "x").build());
        assertRejected(ReasonCode.MALFORMED_DOCUMENT, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, zero, policyEd, policyEc)));
        byte[] backwards = Fixtures.bytes(TrustRootTest.replace(Fixtures.policy(1, Fixtures.target("device-a", null, null), "x")
                .build(), "issuedAt", JsonString.of("2026-08-01T00:00:00Z")));
        assertRejected(ReasonCode.MALFORMED_DOCUMENT, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, backwards, policyEd, policyEc)));
        byte[] noBody = Fixtures.bytes(TrustRootTest.replace(Fixtures.policy(1, Fixtures.target("device-a", null, null), "x")
                .build(), "body", null));
        assertRejected(ReasonCode.MALFORMED_DOCUMENT, verify(Fixtures.envelope(Fixtures.POLICY_TYPE, noBody, policyEd, policyEc)));
    }

    @Test
    void olderVersionIsARollback() {
        commitVersion(5, "five");
        assertRejected(ReasonCode.ROLLBACK,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(4, "four"), policyEd, policyEc)));
        assertFloorStill(5);
    }

    @Test
    void sameVersionWithDifferentBytesIsARollback() {
        commitVersion(5, "five");
        assertRejected(ReasonCode.ROLLBACK,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(5, "other five"), policyEd, policyEc)));
        assertFloorStill(5);
    }

    @Test
    void redeliveryOfTheSameBytesIsAlreadyApplied() {
        byte[] envelope = commitVersion(5, "five");
        Verdict again = verify(envelope);
        assertEquals(5, assertInstanceOf(Verdict.AlreadyApplied.class, again).header().version());
        byte[] resigned = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(5, "five"), policySm, policyEd);
        assertInstanceOf(Verdict.AlreadyApplied.class, verify(resigned));
        assertFloorStill(5);
    }

    @Test
    void newerVersionIsAccepted() {
        commitVersion(5, "five");
        assertInstanceOf(Verdict.Accepted.class,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(6, "six"), policyEd, policyEc)));
    }

    @Test
    void expiryIsJudgedAgainstTheTimeFloor() {
        byte[] envelope = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEd, policyEc);
        time = new MemoryTime(Fixtures.EXPIRES);
        assertRejected(ReasonCode.EXPIRED, verify(envelope));
        time = new MemoryTime(Fixtures.EXPIRES.plusSeconds(86_400));
        assertRejected(ReasonCode.EXPIRED, verify(envelope));
        time = new MemoryTime(Fixtures.EXPIRES.minusSeconds(1));
        assertInstanceOf(Verdict.Accepted.class, verify(envelope));
    }

    private byte[] commitVersion(long version, String note) {
        byte[] envelope = Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(version, note), policyEc, policyEd);
        verifier.commit(assertInstanceOf(Verdict.Accepted.class, verify(envelope)), floors, time);
        floors.changes = 0;
        time.changes = 0;
        return envelope;
    }

    Verdict verify(byte[] envelope) {
        return verifier.verify(envelope, POLICY, root, floors, time);
    }

    private void assertRejected(ReasonCode reason, Verdict verdict) {
        Verdict.Rejected rejected = assertInstanceOf(Verdict.Rejected.class, verdict, () -> "expected " + reason);
        assertEquals(reason, rejected.reason(), rejected.detail());
        assertNothingCommitted();
    }

    private void assertNothingCommitted() {
        assertEquals(0, floors.changes, "version floors changed");
        assertEquals(0, time.changes, "time floor changed");
    }

    private void assertFloorStill(long version) {
        FloorKey key = new FloorKey(Role.POLICY, Fixtures.POLICY_DOC, "{\"device\":\"device-a\"}");
        assertEquals(version, floors.floor(key).orElseThrow().version());
        assertTrue(floors.floor(key).orElseThrow().sameBytes(
                Fixtures.PROVIDER.digest(HashAlgorithm.SHA256, Fixtures.policyFor(version, "five"))));
    }

}
