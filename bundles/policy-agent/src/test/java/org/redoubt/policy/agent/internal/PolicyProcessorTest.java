package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.policy.Policy;
import org.redoubt.policy.Radio;
import org.redoubt.policy.agent.internal.Ack.Result;

/**
 * The policy pipeline on the handset, attack by attack (SECURITY.md rows 2, 4, 5, 8, 9, 13): each
 * refused with its reason code, and nothing changes: the same policy stays in force, the stored
 * policy and the floors are untouched.
 */
class PolicyProcessorTest {

    private static final String DEVICE = "handset-a";
    private static final String BLUETOOTH_OFF = "{\"radios\":{\"bluetooth\":\"DISABLED\"}}";
    private static final String NFC_OFF = "{\"radios\":{\"nfc\":\"DISABLED\"}}";

    @TempDir
    Path state;

    private TestFleet fleet;
    private RecordingEnforcer enforcer;
    /**
     * The agent's second thread: every policy here is 2-of-2, so both threads check one, and it
     * records an applied policy while the state is forced.
     */
    private final SecondThread checks = new SecondThread();
    /** Every decision the processor recorded, in order (the agent's audit trail records these). */
    private final List<Ack> recorded = new CopyOnWriteArrayList<>();
    private Instant now;
    private PolicyProcessor processor;

    @BeforeEach
    void handset() throws Exception {
        fleet = new TestFleet(SignatureScheme.ECDSA_P256_SHA256, 2);
        enforcer = new RecordingEnforcer();
        now = TestFleet.NOW.plus(Duration.ofHours(1));
        processor = boot();
    }

    @AfterEach
    void stopChecks() {
        checks.close();
    }

    private PolicyProcessor boot() throws Exception {
        StateFiles files = new StateFiles(state);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new PolicyProcessor(TestFleet.PROVIDER, () -> fleet.root, new DeviceIdentity(DEVICE, "field", "rdt-1"),
                16 * 1024, PersistentFloors.load(files.directory(), fleet.root.issuedAt()), enforcer, clock, checks,
                recorded::add);
    }

    private Ack applied(byte[] envelope) {
        Ack ack = processor.receive(envelope);
        assertEquals(Result.APPLIED, ack.result(), () -> "ack " + ack);
        return ack;
    }

    /** Asserts the refusal and that nothing changed. */
    private void refused(byte[] envelope, String reason) throws Exception {
        int calls = enforcer.calls.size();
        Optional<AppliedPolicy> before = processor.current();
        byte[] floors = PersistentFloors.stored(state).orElse(null);

        Ack ack = processor.receive(envelope);

        assertEquals(Result.REJECTED, ack.result(), () -> "ack " + ack);
        assertEquals(Optional.of(reason), ack.reason(), () -> "detail " + ack.detail());
        assertEquals(calls, enforcer.calls.size(), "nothing was enforced");
        assertEquals(before.map(p -> p.header().version()), processor.current().map(p -> p.header().version()));
        if (floors != null) {
            // The floors, the time floor and the policy in force: all in this one record.
            assertArrayEquals(floors, PersistentFloors.stored(state).orElseThrow());
        }
        String json = new String(ack.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"result\":\"REJECTED\"") && json.contains("\"reason\":\"" + reason + "\""), json);
    }

    @Test
    void aPolicyIsAppliedOnceAndItsRedeliveryOnlyAcknowledged() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, BLUETOOTH_OFF);
        Ack first = applied(v1);

        assertEquals(Policy.Permission.DISABLED, enforcer.last().radios().get(Radio.BLUETOOTH));
        assertEquals(1, enforcer.calls.size());
        assertEquals(Result.ALREADY_APPLIED, processor.receive(v1).result());
        assertEquals(1, enforcer.calls.size(), "a redelivered policy is not applied again");
        String json = new String(first.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"document\":\"redoubt.policy\",\"version\":1,\"envelope\":\"sha256:"), json);
        assertTrue(json.contains("\"result\":\"APPLIED\""), json);
    }

    @Test
    void rollbackToAnOlderPolicyIsRefused() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, BLUETOOTH_OFF);
        applied(fleet.policy(2, DEVICE, NFC_OFF));
        refused(v1, "ROLLBACK");
    }

    @Test
    void theSameVersionWithOtherBytesIsRefused() throws Exception {
        applied(fleet.policy(3, DEVICE, NFC_OFF));
        refused(fleet.policy(3, DEVICE, BLUETOOTH_OFF), "ROLLBACK");
    }

    @Test
    void anExpiredPolicyIsRefusedEvenWhenReplayedAgainAndAgain() throws Exception {
        byte[] expiring = TestFleet.sign(TestFleet.document(1, "{\"group\":\"field\"}", BLUETOOTH_OFF,
                TestFleet.NOW.minus(Duration.ofDays(2)), TestFleet.NOW.minus(Duration.ofDays(1))), fleet.policyKey,
                fleet.secondPolicyKey);
        // The handset's time floor is the last verified issuedAt; a later policy raised it past the expiry.
        applied(fleet.policy(5, DEVICE, NFC_OFF));
        for (int replay = 0; replay < 3; replay++) {
            now = now.plus(Duration.ofDays(1));
            refused(expiring, "EXPIRED");
        }
    }

    @Test
    void aPolicyForAnotherDeviceIsRefused() throws Exception {
        refused(fleet.policy(1, "handset-b", BLUETOOTH_OFF), "WRONG_TARGET");
        refused(TestFleet.sign(TestFleet.document(1, "{\"group\":\"other-team\"}", BLUETOOTH_OFF, TestFleet.NOW,
                TestFleet.NOW.plus(Duration.ofDays(1))), fleet.policyKey, fleet.secondPolicyKey), "WRONG_TARGET");
    }

    @Test
    void aGroupPolicyForThisHandsetsGroupIsApplied() throws Exception {
        applied(TestFleet.sign(TestFleet.document(1, "{\"group\":\"field\",\"model\":\"rdt-1\"}", BLUETOOTH_OFF,
                TestFleet.NOW, TestFleet.NOW.plus(Duration.ofDays(1))), fleet.policyKey, fleet.secondPolicyKey));
    }

    @Test
    void oneOfTwoSignaturesADuplicatedKeyOrAStrangersKeyDoNotMeetTheThreshold() throws Exception {
        String document = TestFleet.document(1, "{\"device\":\"" + DEVICE + "\"}", BLUETOOTH_OFF, TestFleet.NOW,
                TestFleet.NOW.plus(Duration.ofDays(1)));
        refused(TestFleet.sign(document, fleet.policyKey), "THRESHOLD_NOT_MET");
        refused(TestFleet.sign(document, fleet.policyKey, fleet.policyKey), "THRESHOLD_NOT_MET");
        refused(TestFleet.sign(document, fleet.policyKey, fleet.stranger), "THRESHOLD_NOT_MET");
        refused(TestFleet.sign(document, fleet.rootKey, fleet.policyKey), "THRESHOLD_NOT_MET");
    }

    @Test
    void anOversizedOrMalformedEnvelopeIsRefused() throws Exception {
        byte[] huge = new byte[16 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        refused(huge, "TOO_LARGE");
        refused("{\"payloadType\":".getBytes(StandardCharsets.UTF_8), "MALFORMED_ENVELOPE");
        refused(new byte[0], "MALFORMED_ENVELOPE");
    }

    @Test
    void aBodyWithAnUnknownFieldIsRefusedWithItsPath() throws Exception {
        Ack ack = processor.receive(fleet.policy(1, DEVICE, "{\"radios\":{\"gps\":\"DISABLED\"}}"));
        assertEquals(Result.REJECTED, ack.result());
        assertEquals(Optional.of("UNKNOWN_FIELD"), ack.reason());
        assertTrue(ack.detail().orElseThrow().contains("gps"), ack.detail().orElseThrow());
        assertTrue(enforcer.calls.isEmpty());
        assertEquals(Optional.empty(), PersistentFloors.stored(state));
    }

    @Test
    void aPolicyThatCannotBeEnforcedFailsAndThePreviousOneStays() throws Exception {
        applied(fleet.policy(1, DEVICE, BLUETOOTH_OFF));
        byte[] stored = PersistentFloors.stored(state).orElseThrow();
        enforcer.failNext = true;

        Ack ack = processor.receive(fleet.policy(2, DEVICE, NFC_OFF));

        assertEquals(Result.FAILED, ack.result());
        assertEquals(Optional.of("ENFORCEMENT_FAILED"), ack.reason());
        assertEquals(1, processor.current().orElseThrow().header().version());
        assertArrayEquals(stored, PersistentFloors.stored(state).orElseThrow());
        // Not raised: the same policy is applied when it comes again.
        applied(fleet.policy(2, DEVICE, NFC_OFF));
    }

    @Test
    void everyDecisionIsRecordedBeforeItsAckIsReturned() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, BLUETOOTH_OFF);
        List<Ack> acks = new java.util.ArrayList<>();
        acks.add(processor.receive(v1));
        acks.add(processor.receive(v1));
        acks.add(processor.receive(fleet.policy(2, "handset-b", NFC_OFF)));
        enforcer.failNext = true;
        acks.add(processor.receive(fleet.policy(2, DEVICE, NFC_OFF)));
        acks.add(processor.receive(fleet.policy(2, DEVICE, NFC_OFF)));

        assertEquals(List.of(Result.APPLIED, Result.ALREADY_APPLIED, Result.REJECTED, Result.FAILED, Result.APPLIED),
                acks.stream().map(Ack::result).toList());
        assertEquals(acks, recorded, "each ack's decision, in order, recorded before the ack was returned");
    }

    @Test
    void aPolicyWhoseStateCannotBeStoredIsTakenBackAndRecordedAfterItsApply() throws Exception {
        applied(fleet.policy(1, DEVICE, BLUETOOTH_OFF));
        // The next write goes to the second slot, which is created aside first: a directory there
        // makes the write fail as a full or broken disk would.
        Path aside = Files.createDirectories(state.resolve(PersistentFloors.RECORD + ".b.new"));
        byte[] stored = PersistentFloors.stored(state).orElseThrow();
        recorded.clear();

        Ack ack = processor.receive(fleet.policy(2, DEVICE, NFC_OFF));

        assertEquals(Result.FAILED, ack.result());
        assertEquals(Optional.of("STORAGE_FAILED"), ack.reason());
        assertEquals(List.of(Result.APPLIED, Result.FAILED), recorded.stream().map(Ack::result).toList(),
                "the apply was recorded while the state was forced, then its failure");
        assertEquals(ack, recorded.get(1));
        assertEquals(1, processor.current().orElseThrow().header().version());
        assertFalse(enforcer.last().radios().containsKey(Radio.NFC), "the previous policy is in force again");
        assertEquals(Policy.Permission.DISABLED, enforcer.last().radios().get(Radio.BLUETOOTH));
        assertArrayEquals(stored, PersistentFloors.stored(state).orElseThrow());

        Files.delete(aside);
        applied(fleet.policy(2, DEVICE, NFC_OFF));
    }

    @Test
    void afterARebootTheStoredPolicyIsEnforcedWithoutNetworkAndTheFloorsHold() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, BLUETOOTH_OFF);
        applied(v1);
        applied(fleet.policy(2, DEVICE, NFC_OFF));
        enforcer.calls.clear();

        processor = boot();
        Optional<AppliedPolicy> restored = processor.restore();

        assertEquals(2, restored.orElseThrow().header().version());
        assertEquals(Policy.Permission.DISABLED, enforcer.last().radios().get(Radio.NFC));
        refused(v1, "ROLLBACK");
    }

    @Test
    void aStoredPolicyWhoseBytesWereChangedIsNotEnforced() throws Exception {
        applied(fleet.policy(1, DEVICE, BLUETOOTH_OFF));
        String file = new String(PersistentFloors.stored(state).orElseThrow(), StandardCharsets.UTF_8);
        String policy = file.replaceAll("(?s).*\"policy\" *: *\"([^\"]+)\".*", "$1");
        String text = new String(java.util.Base64.getDecoder().decode(policy), StandardCharsets.UTF_8);
        int at = text.indexOf("\"sig\":\"") + 8;
        char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
        String changed = text.substring(0, at) + flipped + text.substring(at + 1);
        // Whoever can write the data directory can write a whole record: only the signature protects it.
        AlternatingRecord.open(state, PersistentFloors.RECORD, 1 << 20).write(file.replace(policy,
                java.util.Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8));
        enforcer.calls.clear();

        processor = boot();

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, processor::restore);
        assertTrue(e.getMessage().contains("no longer verifies"), e.getMessage());
        assertTrue(enforcer.calls.isEmpty());
    }

    @Test
    void anExpiredPolicyInForceIsEnforcedAsStale() throws Exception {
        applied(fleet.policy(1, DEVICE, "{\"onStale\":\"RESTRICT\"}"));
        now = TestFleet.NOW.plus(Duration.ofDays(31));

        processor.recheckStaleness();

        assertTrue(enforcer.calls.get(enforcer.calls.size() - 1).stale());
    }
}
