package org.redoubt.fleet.cli.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.documents.ReasonCode;

class DocumentCheckTest {

    private final DocumentCheck check = new DocumentCheck(TestKeys.PROVIDER);

    private DocumentCheck.Outcome policy(String target, String body) {
        return check.check(DocumentKind.POLICY, CosigningTest.policy(target, body), TestKeys.NOW);
    }

    @Test
    void aValidPolicyIsValid() {
        DocumentCheck.Valid valid = assertInstanceOf(DocumentCheck.Valid.class, policy("{\"device\":\"device-a\"}",
                "{\"radios\":{\"bluetooth\":\"DISABLED\"},\"password\":{\"minLength\":6}}"));
        assertEquals(5, valid.version());
    }

    @Test
    void anUnknownBodyFieldIsReportedWithItsPath() {
        DocumentCheck.Invalid invalid = assertInstanceOf(DocumentCheck.Invalid.class,
                policy("{\"device\":\"device-a\"}", "{\"radios\":{\"bluetooth\":\"DISABLED\",\"infrared\":\"ALLOWED\"}}"));
        assertEquals(ReasonCode.UNKNOWN_FIELD, invalid.reason());
        assertEquals(Optional.of("$.body.radios.infrared"), invalid.path());
    }

    @Test
    void aBadValueIsMalformedWithItsPath() {
        DocumentCheck.Invalid invalid = assertInstanceOf(DocumentCheck.Invalid.class,
                policy("{\"device\":\"device-a\"}", "{\"password\":{\"minLength\":2}}"));
        assertEquals(ReasonCode.MALFORMED_DOCUMENT, invalid.reason());
        assertEquals(Optional.of("$.body.password.minLength"), invalid.path());
    }

    @Test
    void theHeaderIsCheckedAsTheHandsetChecksIt() {
        DocumentCheck.Invalid unknownTarget = assertInstanceOf(DocumentCheck.Invalid.class,
                policy("{\"device\":\"device-a\",\"colour\":\"red\"}", "{}"));
        assertEquals(ReasonCode.UNKNOWN_FIELD, unknownTarget.reason());
        assertEquals(Optional.of("$.target.colour"), unknownTarget.path());

        assertEquals(ReasonCode.WRONG_TARGET,
                assertInstanceOf(DocumentCheck.Invalid.class, policy("{}", "{}")).reason());

        byte[] command = CosigningTest.policy("{\"device\":\"device-a\"}", "{}");
        assertEquals(ReasonCode.WRONG_TYPE, assertInstanceOf(DocumentCheck.Invalid.class,
                check.check(DocumentKind.COMMAND, command, TestKeys.NOW)).reason());

        assertEquals(ReasonCode.MALFORMED_DOCUMENT, assertInstanceOf(DocumentCheck.Invalid.class,
                check.check(DocumentKind.POLICY, "{\"type\":".getBytes(StandardCharsets.UTF_8), TestKeys.NOW)).reason());
    }

    @Test
    void anExpiredDocumentIsRefused() {
        DocumentCheck.Invalid invalid = assertInstanceOf(DocumentCheck.Invalid.class, check.check(DocumentKind.POLICY,
                CosigningTest.policy("{\"device\":\"device-a\"}", "{}"), TestKeys.NOW.plus(Duration.ofDays(2))));
        assertEquals(ReasonCode.EXPIRED, invalid.reason());
    }

    @Test
    void aCreatedCommandIsValidAndCarriesAFreshNonce() {
        DeviceCommand commands = new DeviceCommand(TestKeys.PROVIDER);
        byte[] first = commands.create(org.redoubt.policy.Command.Action.WIPE, "device-a", 3, TestKeys.NOW,
                TestKeys.NOW.plusSeconds(3600));
        byte[] second = commands.create(org.redoubt.policy.Command.Action.WIPE, "device-a", 3, TestKeys.NOW,
                TestKeys.NOW.plusSeconds(3600));
        assertInstanceOf(DocumentCheck.Valid.class, check.check(DocumentKind.COMMAND, first, TestKeys.NOW));
        String text = new String(first, StandardCharsets.UTF_8);
        assertEquals(true, text.matches(".*\"body\":\\{\"command\":\"WIPE\",\"nonce\":\"[0-9a-f]{32}\"}.*"), text);
        assertEquals(false, java.util.Arrays.equals(first, second), "each command has its own nonce");

        byte[] badNonce = text.replaceAll("\"nonce\":\"[0-9a-f]{32}\"", "\"nonce\":\"ABC\"").getBytes(StandardCharsets.UTF_8);
        DocumentCheck.Invalid invalid = assertInstanceOf(DocumentCheck.Invalid.class,
                check.check(DocumentKind.COMMAND, badNonce, TestKeys.NOW));
        assertEquals(Optional.of("$.body.nonce"), invalid.path());
    }
}
