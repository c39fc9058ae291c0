package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.policy.agent.internal.Ack.Result;

/**
 * Root rotation on the handset (SECURITY.md rows 3 and 9): N+1 needs thresholds of N and N+1; the
 * new root is written where the launcher reads it; rotated roles' floors are cleared, so a huge
 * version signed by a revoked key does not block the new keys.
 */
class RootKeeperTest {

    private static final String DEVICE = "handset-a";

    @TempDir
    Path work;

    private TestFleet fleet;
    private Path rootFile;
    private PersistentFloors floors;
    private RootKeeper roots;
    private PolicyProcessor policies;
    private final SigningKey newRootKey = TestFleet.PROVIDER.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE);
    private final SigningKey newPolicyKey = TestFleet.PROVIDER.generateSigningKey(SignatureScheme.SM2_SM3,
            DistinguishingId.SM2_DEFAULT);

    @BeforeEach
    void handset() throws Exception {
        fleet = new TestFleet(SignatureScheme.ECDSA_P256_SHA256, 1);
        rootFile = work.resolve("trust/root.json");
        Files.createDirectories(rootFile.getParent());
        Files.write(rootFile, fleet.rootEnvelope);
        StateFiles files = new StateFiles(work.resolve("state"));
        floors = PersistentFloors.load(files.directory(), fleet.root.issuedAt());
        Clock clock = Clock.fixed(TestFleet.NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        roots = new RootKeeper(TestFleet.PROVIDER, rootFile, fleet.root, floors, clock);
        policies = new PolicyProcessor(TestFleet.PROVIDER, roots::current, new DeviceIdentity(DEVICE, "field", "rdt-1"),
                16 * 1024, floors, new RecordingEnforcer(), clock, Runnable::run, ack -> { });
    }

    private byte[] policyBy(SigningKey key, long version) {
        return TestFleet.sign(TestFleet.document(version, "{\"device\":\"" + DEVICE + "\"}", "{}", TestFleet.NOW,
                TestFleet.NOW.plus(Duration.ofDays(1))), key);
    }

    @Test
    void aRotationSignedByOldAndNewRootKeysIsAppliedAndWrittenForTheLauncher() throws Exception {
        byte[] root2 = fleet.root(2, List.of(newRootKey), List.of(newPolicyKey), fleet.rootKey, newRootKey);

        Ack ack = roots.receive(root2);

        assertEquals(Result.APPLIED, ack.result(), ack.toString());
        assertEquals(2, roots.current().version());
        assertArrayEquals(root2, Files.readAllBytes(rootFile));
        assertEquals(Result.ALREADY_APPLIED, roots.receive(root2).result(), "its retained copy again");
    }

    @Test
    void aRotationSignedOnlyByTheNewKeysOrSkippingAVersionIsRefused() throws Exception {
        byte[] onlyNew = fleet.root(2, List.of(newRootKey), List.of(newPolicyKey), newRootKey);
        byte[] onlyOld = fleet.root(2, List.of(newRootKey), List.of(newPolicyKey), fleet.rootKey);
        byte[] skip = fleet.root(3, List.of(fleet.rootKey), List.of(newPolicyKey), fleet.rootKey);

        assertEquals(Optional.of("THRESHOLD_NOT_MET"), roots.receive(onlyNew).reason());
        assertEquals(Optional.of("THRESHOLD_NOT_MET"), roots.receive(onlyOld).reason());
        assertEquals(Optional.of("VERSION_SKIP"), roots.receive(skip).reason());
        assertEquals(1, roots.current().version());
        assertArrayEquals(fleet.rootEnvelope, Files.readAllBytes(rootFile), "nothing changed");
    }

    @Test
    void fastForwardRecovery() throws Exception {
        // A compromised policy key signs a huge version: the handset applies it (it is validly signed).
        assertEquals(Result.APPLIED, policies.receive(policyBy(fleet.policyKey, Long.MAX_VALUE - 1)).result());
        assertEquals(Optional.of("ROLLBACK"), policies.receive(policyBy(fleet.policyKey, 2)).reason());

        // The operators rotate the policy key out; the floor of the rotated role is cleared.
        assertEquals(Result.APPLIED, roots.receive(fleet.root(2, List.of(fleet.rootKey), List.of(newPolicyKey),
                fleet.rootKey)).result());

        assertEquals(Result.APPLIED, policies.receive(policyBy(newPolicyKey, 1)).result());
        assertEquals(Optional.of("THRESHOLD_NOT_MET"), policies.receive(policyBy(fleet.policyKey, Long.MAX_VALUE)).reason());
    }
}
