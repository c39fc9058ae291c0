package org.redoubt.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditRecorderTest {

    /** An audit log that keeps entries in memory, or refuses every append. */
    private static final class ListLog implements AuditLog {
        final List<AuditEvent> appended = new ArrayList<>();
        final boolean broken;

        ListLog(boolean broken) {
            this.broken = broken;
        }

        @Override
        public AuditEntry append(AuditEvent event) throws AuditException {
            if (broken) {
                throw new AuditException("disk full", null);
            }
            appended.add(event);
            return new AuditEntry(appended.size(), Instant.EPOCH, event);
        }

        @Override
        public List<AuditEntry> tail(int max) {
            return List.of();
        }
    }

    private final List<String> failures = new ArrayList<>();
    private final AuditRecorder recorder = new AuditRecorder(failures::add);

    @Test
    void eventsBeforeTheLogCameAreAppendedInOrderWhenItIsBound() {
        recorder.record(AuditEvent.of(AuditKind.BOOT));
        recorder.record(AuditEvent.refused(AuditKind.POLICY_REJECTED, "ROLLBACK"));
        assertEquals(2, recorder.pending());
        ListLog log = new ListLog(false);
        recorder.bind(log);
        recorder.record(AuditEvent.of(AuditKind.UNLOCK_SUCCEEDED));
        assertEquals(List.of(AuditKind.BOOT, AuditKind.POLICY_REJECTED, AuditKind.UNLOCK_SUCCEEDED),
                log.appended.stream().map(AuditEvent::kind).toList());
        assertEquals(0, recorder.pending());
    }

    @Test
    void onlyTheNewestPendingEventsAreKeptAndTheLossIsReported() {
        for (int i = 0; i < AuditRecorder.MAX_PENDING + 3; i++) {
            recorder.record(AuditEvent.of(AuditKind.UNLOCK_FAILED).with("failures", Integer.toString(i)));
        }
        ListLog log = new ListLog(false);
        recorder.bind(log);
        assertEquals(AuditRecorder.MAX_PENDING, log.appended.size());
        assertEquals("3", log.appended.get(0).details().get("failures"));
        assertEquals(List.of("3 audit events were dropped while no audit log was there"), failures);
    }

    @Test
    void aFailedAppendIsReportedAndAnUnboundLogIsNoLongerUsed() {
        ListLog broken = new ListLog(true);
        recorder.bind(broken);
        recorder.record(AuditEvent.of(AuditKind.WIPE));
        assertEquals(List.of("could not record WIPE: disk full"), failures);
        recorder.unbind(broken);
        recorder.record(AuditEvent.of(AuditKind.BOOT));
        assertEquals(1, recorder.pending());
    }

    @Test
    void eventsKeepTheirFormSortedAndRefuseSecretsShapedValues() {
        AuditEvent event = AuditEvent.of(AuditKind.RULE_VIOLATION).with("target", "org.redoubt.driver.modem.Modem")
                .with("bundle", "rogue\u0000\u4e2d");
        assertEquals(List.of("bundle", "target"), List.copyOf(event.details().keySet()));
        assertEquals("rogue??", event.details().get("bundle"));
        assertEquals(256, event.with("long", "x".repeat(300)).details().get("long").length());
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.refused(AuditKind.POLICY_REJECTED, "bad reason"));
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditKind.BOOT, "", Map.of("Bad", "x")));
        assertTrue(AuditEvent.of(AuditKind.BOOT).details().isEmpty());
    }
}
