package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.policy.Command;
import org.redoubt.policy.Command.Action;
import org.redoubt.policy.agent.internal.Ack.Result;

/** Signed commands: carried out at most once, replays refused (SECURITY.md row 10), wrong signers refused. */
class CommandProcessorTest {

    private static final String DEVICE = "handset-a";
    private static final String NONCE = "00112233445566778899aabbccddeeff";

    @TempDir
    Path state;

    private TestFleet fleet;
    private final List<Action> carriedOut = new ArrayList<>();
    private boolean failNext;
    private CommandProcessor commands;

    @BeforeEach
    void handset() throws Exception {
        fleet = new TestFleet(SignatureScheme.ECDSA_P256_SHA256, 1);
        commands = boot();
    }

    private CommandProcessor boot() throws IOException {
        StateFiles files = new StateFiles(state);
        return new CommandProcessor(TestFleet.PROVIDER, () -> fleet.root, new DeviceIdentity(DEVICE, "field", "rdt-1"),
                PersistentFloors.load(files.directory(), fleet.root.issuedAt()), NonceLedger.load(files), action -> {
                    if (failNext) {
                        failNext = false;
                        throw new IOException("the PIN lock is not running");
                    }
                    carriedOut.add(action);
                }, Clock.fixed(TestFleet.NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC), Runnable::run);
    }

    private void refused(byte[] envelope, String reason) {
        int before = carriedOut.size();
        Ack ack = commands.receive(envelope);
        assertEquals(Result.REJECTED, ack.result(), ack.toString());
        assertEquals(Optional.of(reason), ack.reason(), () -> ack.detail().orElse(""));
        assertEquals(before, carriedOut.size(), "nothing carried out");
    }

    @Test
    void eachCommandIsCarriedOut() {
        long version = 1;
        for (Action action : Action.values()) {
            String nonce = String.format("%032x", version);
            Ack ack = commands.receive(fleet.command(version++, DEVICE, action.name(), nonce));
            assertEquals(Result.APPLIED, ack.result(), ack.toString());
        }
        assertEquals(List.of(Action.values()), carriedOut);
    }

    @Test
    void aCapturedWipeReplayedIsRefusedAlsoAfterAReboot() throws Exception {
        byte[] wipe = fleet.command(1, DEVICE, "WIPE", NONCE);
        assertEquals(Result.APPLIED, commands.receive(wipe).result());

        refused(wipe, CommandProcessor.REPLAYED);
        commands = boot();
        refused(wipe, CommandProcessor.REPLAYED);
        assertEquals(List.of(Action.WIPE), carriedOut);
    }

    @Test
    void aNonceUsedOnceIsRefusedInANewerCommand() {
        assertEquals(Result.APPLIED, commands.receive(fleet.command(1, DEVICE, "LOCK", NONCE)).result());
        refused(fleet.command(2, DEVICE, "WIPE", NONCE), CommandProcessor.REPLAYED);
    }

    @Test
    void anOlderCommandIsRefused() {
        byte[] older = fleet.command(1, DEVICE, "LOCK", NONCE);
        assertEquals(Result.APPLIED, commands.receive(fleet.command(2, DEVICE, "LOCK", "ffeeddccbbaa99887766554433221100")).result());
        refused(older, "ROLLBACK");
    }

    @Test
    void aCommandForAnotherHandsetSignedByAnotherRoleOrMalformedIsRefused() {
        refused(fleet.command(1, "handset-b", "WIPE", NONCE), "WRONG_TARGET");
        String document = "{\"type\":\"redoubt.command\",\"version\":1,\"issuedAt\":\"" + TestFleet.NOW + "\",\"expires\":\""
                + TestFleet.NOW.plus(Duration.ofDays(1)) + "\",\"target\":{\"device\":\"" + DEVICE
                + "\"},\"body\":{\"command\":\"WIPE\",\"nonce\":\"" + NONCE + "\"}}";
        refused(EnvelopeCodec.encode(EnvelopeSigner.sign(Command.PAYLOAD_TYPE, document.getBytes(StandardCharsets.UTF_8),
                List.of(fleet.policyKey))), "THRESHOLD_NOT_MET");
        refused(fleet.command(1, DEVICE, "FORMAT", NONCE), "MALFORMED_DOCUMENT");
        refused(fleet.command(1, DEVICE, "WIPE", "short"), "MALFORMED_DOCUMENT");
    }

    @Test
    void aCommandThatCannotBeCarriedOutFailsAndIsNotCarriedOutLater() {
        byte[] lock = fleet.command(1, DEVICE, "LOCK", NONCE);
        failNext = true;

        Ack ack = commands.receive(lock);

        assertEquals(Result.FAILED, ack.result());
        assertEquals(Optional.of("COMMAND_FAILED"), ack.reason());
        refused(lock, CommandProcessor.REPLAYED);
    }
}
