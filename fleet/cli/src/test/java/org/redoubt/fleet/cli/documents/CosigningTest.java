package org.redoubt.fleet.cli.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.fleet.cli.FleetException;

/**
 * k-of-n by separate key holders: a 2-of-3 policy role mixing both suites; each holder signs with
 * only their own key, and the handset's verifier accepts only once two distinct keys signed.
 */
class CosigningTest {

    private static final DeviceIdentity DEVICE_A = new DeviceIdentity("device-a", "field", "rdt-1");

    private SigningKey rootKey;
    private SigningKey alice;
    private SigningKey bob;
    private SigningKey carol;
    private TrustRoot root;
    private final Cosigning cosigning = new Cosigning(TestKeys.PROVIDER);
    private final HandsetVerification handset = new HandsetVerification(TestKeys.PROVIDER);

    static byte[] policy(String target, String body) {
        return ("{\"type\":\"redoubt.policy\",\"version\":5,\"issuedAt\":\"" + TestKeys.NOW + "\",\"expires\":\""
                + TestKeys.NOW.plusSeconds(86400) + "\",\"target\":" + target + ",\"body\":" + body + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void ceremony() throws Exception {
        rootKey = TestKeys.key(SignatureScheme.ED25519);
        alice = TestKeys.key(SignatureScheme.ECDSA_P256_SHA256);
        bob = TestKeys.key(SignatureScheme.SM2_SM3);
        carol = TestKeys.key(SignatureScheme.ED25519);
        root = TestKeys.root(TestKeys.roles(TestKeys.entry(1, rootKey), TestKeys.entry(2, alice, bob, carol)),
                List.of(rootKey)).root();
    }

    @AfterEach
    void destroyKeys() {
        List.of(rootKey, alice, bob, carol).forEach(SigningKey::close);
    }

    @Test
    void theHandsetAcceptsOnlyOnceTheThresholdOfDistinctKeysSigned() throws Exception {
        byte[] document = policy("{\"device\":\"device-a\"}", "{\"radios\":{\"bluetooth\":\"DISABLED\"}}");

        Cosigning.Signed first = cosigning.sign(DocumentKind.POLICY, document, alice, TestKeys.NOW);
        assertEquals(Optional.of(ReasonCode.THRESHOLD_NOT_MET),
                handset.verify(DocumentKind.POLICY, first.envelope(), root, DEVICE_A, TestKeys.NOW).reason());

        Cosigning.Signed second = cosigning.addSignature(DocumentKind.POLICY, first.envelope(), bob, TestKeys.NOW);
        assertEquals(2, second.signatures());
        HandsetVerification.Answer answer = handset.verify(DocumentKind.POLICY, second.envelope(), root, DEVICE_A,
                TestKeys.NOW);
        assertTrue(answer.accepted(), answer.toString());

        assertEquals(Optional.of(ReasonCode.WRONG_TARGET), handset.verify(DocumentKind.POLICY, second.envelope(), root,
                new DeviceIdentity("device-b", "field", "rdt-1"), TestKeys.NOW).reason());
    }

    @Test
    void aKeyThatSignedAlreadyIsRefused() throws Exception {
        Cosigning.Signed first = cosigning.sign(DocumentKind.POLICY, policy("{\"group\":\"field\"}", "{}"), alice,
                TestKeys.NOW);
        FleetException refused = assertThrows(FleetException.class,
                () -> cosigning.addSignature(DocumentKind.POLICY, first.envelope(), alice, TestKeys.NOW));
        assertTrue(refused.getMessage().contains("signed this envelope already"), refused.getMessage());
    }

    @Test
    void aKeyOutsideTheRoleDoesNotCount() throws Exception {
        Cosigning.Signed first = cosigning.sign(DocumentKind.POLICY, policy("{\"model\":\"rdt-1\"}", "{}"), alice,
                TestKeys.NOW);
        Cosigning.Signed second = cosigning.addSignature(DocumentKind.POLICY, first.envelope(), rootKey, TestKeys.NOW);
        assertFalse(handset.verify(DocumentKind.POLICY, second.envelope(), root, DEVICE_A, TestKeys.NOW).accepted());
    }

    @Test
    void nobodySignsADocumentTheHandsetWouldRefuse() {
        FleetException refused = assertThrows(FleetException.class, () -> cosigning.sign(DocumentKind.POLICY,
                policy("{\"device\":\"device-a\"}", "{\"radios\":{\"bluetoth\":\"DISABLED\"}}"), alice, TestKeys.NOW));
        assertTrue(refused.getMessage().contains("UNKNOWN_FIELD"), refused.getMessage());
    }

    @Test
    void anEnvelopeOfAnotherKindIsNotCoSignedAsThisKind() throws Exception {
        Cosigning.Signed policy = cosigning.sign(DocumentKind.POLICY, policy("{\"device\":\"device-a\"}", "{}"), alice,
                TestKeys.NOW);
        assertThrows(FleetException.class,
                () -> cosigning.addSignature(DocumentKind.COMMAND, policy.envelope(), bob, TestKeys.NOW));
        assertThrows(FleetException.class, () -> cosigning.addSignature(DocumentKind.POLICY,
                "{\"payloadType\":1}".getBytes(StandardCharsets.UTF_8), bob, TestKeys.NOW));
    }
}
