package org.redoubt.fleet.cli.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.fleet.cli.FleetException;

/** Root N+1 must carry a threshold of root N's keys and of its own; the handset's RootRotation decides. */
class RootCeremonyTest {

    private final RootCeremony ceremony = new RootCeremony(TestKeys.PROVIDER);
    private final Instant later = TestKeys.NOW.plus(Duration.ofDays(400));

    @Test
    void aRotationSignedByBothThresholdsIsAcceptedByTheHandsetsRootRotation() throws Exception {
        try (SigningKey old1 = TestKeys.key(SignatureScheme.ED25519); SigningKey old2 = TestKeys.key(SignatureScheme.SM2_SM3);
                SigningKey new1 = TestKeys.key(SignatureScheme.ECDSA_P256_SHA256);
                SigningKey policy = TestKeys.key(SignatureScheme.ECDSA_P256_SHA256)) {
            TrustRoot current = TestKeys.root(TestKeys.roles(TestKeys.entry(2, old1, old2), TestKeys.entry(1, policy)),
                    List.of(old1, old2)).root();

            RootCeremony.Result next = ceremony.rotate(current, 2, TestKeys.NOW, later,
                    Map.of(Role.ROOT, TestKeys.entry(1, new1)), List.of(old1, old2, new1), false);

            RotationVerdict.Rotated rotated = assertInstanceOf(RotationVerdict.Rotated.class,
                    new RootRotation(TestKeys.PROVIDER).verify(current, next.envelope(), 1 << 20, new RecordedTime(TestKeys.NOW)));
            assertEquals(2, rotated.root().version());
            assertEquals(Set.of(Role.ROOT), rotated.changedRoles(), "the other roles were carried over");
        }
    }

    @Test
    void aRotationLackingTheOldThresholdIsNeverWritten() throws Exception {
        try (SigningKey old1 = TestKeys.key(SignatureScheme.ED25519); SigningKey old2 = TestKeys.key(SignatureScheme.ED25519);
                SigningKey new1 = TestKeys.key(SignatureScheme.ED25519);
                SigningKey policy = TestKeys.key(SignatureScheme.ED25519)) {
            TrustRoot current = TestKeys.root(TestKeys.roles(TestKeys.entry(2, old1, old2), TestKeys.entry(1, policy)),
                    List.of(old1, old2)).root();
            FleetException refused = assertThrows(FleetException.class, () -> ceremony.rotate(current, 2,
                    TestKeys.NOW, later, Map.of(Role.ROOT, TestKeys.entry(1, new1)), List.of(old1, new1), false));
            assertTrue(refused.getMessage().contains("THRESHOLD_NOT_MET"), refused.getMessage());

            FleetException skip = assertThrows(FleetException.class, () -> ceremony.rotate(current, 3,
                    TestKeys.NOW, later, Map.of(), List.of(old1, old2), false));
            assertTrue(skip.getMessage().contains("VERSION_SKIP"), skip.getMessage());
        }
    }

    @Test
    void aPartialRootIsCompletedByAnotherKeyHolder() throws Exception {
        try (SigningKey old1 = TestKeys.key(SignatureScheme.ED25519); SigningKey new1 = TestKeys.key(SignatureScheme.SM2_SM3);
                SigningKey new2 = TestKeys.key(SignatureScheme.ED25519);
                SigningKey policy = TestKeys.key(SignatureScheme.ED25519)) {
            TrustRoot current = TestKeys.root(TestKeys.roles(TestKeys.entry(1, old1), TestKeys.entry(1, policy)),
                    List.of(old1)).root();
            RootCeremony.Result partial = ceremony.rotate(current, 2, TestKeys.NOW, later,
                    Map.of(Role.ROOT, TestKeys.entry(2, new1, new2)), List.of(old1, new1), true);
            assertTrue(partial.incomplete().isPresent());
            assertEquals(ReasonCode.THRESHOLD_NOT_MET, assertInstanceOf(RotationVerdict.Rejected.class,
                    ceremony.check(Optional.of(current), partial.envelope(), TestKeys.NOW)).reason());

            byte[] complete = new Cosigning(TestKeys.PROVIDER).addSignature(DocumentKind.ROOT, partial.envelope(), new2,
                    TestKeys.NOW).envelope();
            assertInstanceOf(RotationVerdict.Rotated.class, ceremony.check(Optional.of(current), complete, TestKeys.NOW));
        }
    }

    @Test
    void aFirstRootMustBeSignedByItsOwnRootThreshold() throws Exception {
        try (SigningKey a = TestKeys.key(SignatureScheme.ED25519); SigningKey b = TestKeys.key(SignatureScheme.ED25519);
                SigningKey policy = TestKeys.key(SignatureScheme.ED25519)) {
            assertThrows(FleetException.class, () -> TestKeys.root(
                    TestKeys.roles(TestKeys.entry(2, a, b), TestKeys.entry(1, policy)), List.of(a)));
            assertThrows(FleetException.class, () -> TestKeys.root(
                    TestKeys.roles(TestKeys.entry(1, a), TestKeys.entry(1, policy)), List.of(a, a)), "a key given twice");
        }
    }
}
