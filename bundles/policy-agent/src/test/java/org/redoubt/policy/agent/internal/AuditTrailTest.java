package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.redoubt.audit.testing.MemoryAuditLog;
import org.junit.jupiter.api.Test;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.crypto.documents.ReasonCode;

class AuditTrailTest {

    private final MemoryAuditLog log = new MemoryAuditLog();
    private final List<String> failures = new ArrayList<>();
    private final AuditTrail trail;

    AuditTrailTest() {
        AuditRecorder recorder = new AuditRecorder(failures::add);
        recorder.bind(log);
        trail = new AuditTrail(recorder);
    }

    private static Ack ack(Ack.Result result, Optional<String> reason) {
        return new Ack("redoubt.policy", OptionalLong.of(4), new byte[32], result, reason, Optional.of("detail"),
                Instant.EPOCH);
    }

    @Test
    void everyRefusalOfEveryDocumentIsRecordedWithItsReasonCode() {
        List<String> reasons = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            reasons.add(code.name());
        }
        reasons.addAll(List.of("REPLAYED", "ENFORCEMENT_FAILED", "STORAGE_FAILED", "COMMAND_FAILED"));
        for (AuditTrail.Document document : AuditTrail.Document.values()) {
            for (String reason : reasons) {
                for (Ack.Result result : List.of(Ack.Result.REJECTED, Ack.Result.FAILED)) {
                    AuditEvent event = trail.decided(document, ack(result, Optional.of(reason))).orElseThrow();
                    assertEquals(document.name() + "_REJECTED", event.kind().name());
                    assertEquals(reason, event.reason());
                    assertEquals(result.name(), event.details().get("result"));
                    assertEquals("4", event.details().get("version"));
                }
            }
        }
        assertEquals(AuditTrail.Document.values().length * reasons.size() * 2, log.tail(Integer.MAX_VALUE).size());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void whatWasPutInForceIsRecordedAndARedeliveredCopyIsNot() {
        assertEquals(AuditKind.POLICY_APPLIED,
                trail.decided(AuditTrail.Document.POLICY, ack(Ack.Result.APPLIED, Optional.empty())).orElseThrow().kind());
        assertEquals(AuditKind.COMMAND_EXECUTED,
                trail.decided(AuditTrail.Document.COMMAND, ack(Ack.Result.APPLIED, Optional.empty())).orElseThrow().kind());
        assertEquals(AuditKind.ROOT_ROTATED,
                trail.decided(AuditTrail.Document.ROOT, ack(Ack.Result.APPLIED, Optional.empty())).orElseThrow().kind());
        assertEquals(Optional.empty(),
                trail.decided(AuditTrail.Document.POLICY, ack(Ack.Result.ALREADY_APPLIED, Optional.empty())));
        assertEquals(3, log.tail(10).size());
    }

    @Test
    void aRefusalWithoutAReasonCodeIsStillRecorded() {
        AuditEvent event = trail.decided(AuditTrail.Document.POLICY, ack(Ack.Result.REJECTED, Optional.of("not a code")))
                .orElseThrow();
        assertEquals("UNSPECIFIED", event.reason());
        assertEquals("sha256:" + "00".repeat(32), event.details().get("envelope"));
    }
}
