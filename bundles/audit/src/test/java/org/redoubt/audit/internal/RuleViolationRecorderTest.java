package org.redoubt.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditKind;
import org.redoubt.crypto.api.Suite;
import org.redoubt.runtime.firewall.RuleViolation;

/** What the launcher's firewall stopped becomes a RULE_VIOLATION entry naming bundle, kind and target. */
class RuleViolationRecorderTest {

    @TempDir
    Path work;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aViolationIsRecordedWithWhoReachedForWhat() throws Exception {
        TestDevice device = new TestDevice("handset-a", Suite.NIST, work.resolve("audit"));
        try (AuditJournal log = device.open(100, timer, () -> { }, problems::add)) {
            new RuleViolationRecorder(log, problems::add).violated(new RuleViolation("org.example.rogue",
                    RuleViolation.Kind.SERVICE, "org.redoubt.driver.modem.api.Modem",
                    Instant.parse("2026-12-03T01:02:03Z")));

            AuditEntry entry = log.tail(1).get(0);
            assertEquals(AuditKind.RULE_VIOLATION, entry.event().kind());
            assertEquals(Map.of("bundle", "org.example.rogue", "kind", "SERVICE", "target",
                    "org.redoubt.driver.modem.api.Modem", "at", "2026-12-03T01:02:03Z"), entry.event().details());
        }
        assertEquals(List.of(), problems);
    }
}
