package org.redoubt.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainBreak;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.crypto.api.Suite;

/** The log on disk: chained, checkpointed, concurrent, continued after a torn write, in both suites. */
class AuditJournalTest {

    @TempDir
    Path work;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void entriesAreChainedAndSignedEveryNEntriesAndAtClose(Suite suite) throws Exception {
        TestDevice device = new TestDevice("handset-a", suite, work.resolve("audit"));
        try (AuditJournal log = device.open(3, timer, () -> { }, problems::add)) {
            AuditEntry boot = log.append(AuditEvent.of(AuditKind.BOOT).with("release", "7"));
            log.append(AuditEvent.refused(AuditKind.POLICY_REJECTED, "EXPIRED").with("version", "12"));
            log.append(AuditEvent.of(AuditKind.UNLOCK_SUCCEEDED));
            awaitSigned(log);
            AuditEntry fifth = log.append(AuditEvent.of(AuditKind.WIPE).with("trigger", "COMMAND"));
            assertEquals(1, boot.sequence());
            assertEquals(5, fifth.sequence(), "a checkpoint after the third entry");
            List<AuditEntry> tail = log.tail(3);
            assertEquals(List.of(3L, 4L, 5L), tail.stream().map(AuditEntry::sequence).toList());
            assertEquals(AuditKind.CHECKPOINT, tail.get(1).event().kind());
        }

        ChainReport report = device.verify();
        assertEquals(Optional.empty(), report.firstBreak());
        assertEquals(6, report.entries());
        assertEquals(6, report.lastCheckpoint(), "a checkpoint at close");
        List<String> lines = Files.readAllLines(device.log());
        assertTrue(lines.get(0).contains("\"alg\":\"" + suite.hash().id() + "\""), lines.get(0));
        assertEquals(lines.get(5) + "\n", Files.readString(device.checkpoint()));
        assertEquals(List.of(), problems);
    }

    /** The checkpoint after the count is written on the timer thread: wait for it, with a deadline. */
    private static void awaitSigned(AuditJournal log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.file().unsigned() > 0) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint after the count");
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
    }

    @Test
    void aTornLastLineIsCutOffAndTheChainContinues() throws Exception {
        TestDevice device = new TestDevice("handset-a", Suite.NIST, work.resolve("audit"));
        try (AuditJournal log = device.open(100, timer, () -> { }, problems::add)) {
            log.append(AuditEvent.of(AuditKind.BOOT));
            log.append(AuditEvent.of(AuditKind.UNLOCK_FAILED).with("failures", "1"));
        }
        // The process died in the middle of writing entry 4 (after the checkpoint, entry 3).
        Files.write(device.log(), "{\"seq\":4,\"time\":\"2026-12-".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        assertEquals(ChainBreak.Reason.TRUNCATED, device.verify().firstBreak().get().reason());

        try (AuditJournal log = device.open(100, timer, () -> { }, problems::add)) {
            assertEquals(4, log.append(AuditEvent.of(AuditKind.UNLOCK_SUCCEEDED)).sequence());
        }

        ChainReport report = device.verify();
        assertEquals(Optional.empty(), report.firstBreak());
        assertEquals(5, report.entries());
    }

    @Test
    void concurrentAppendersGetEverySequenceNumberOnceAndTheChainHolds() throws Exception {
        TestDevice device = new TestDevice("handset-a", Suite.SM, work.resolve("audit"));
        Set<Long> sequences = new ConcurrentSkipListSet<>();
        ExecutorService appenders = Executors.newFixedThreadPool(8);
        try (AuditJournal log = device.open(16, timer, () -> { }, problems::add)) {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int id = thread;
                done.add(appenders.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        sequences.add(log.append(AuditEvent.of(AuditKind.COMMAND_EXECUTED)
                                .with("command", "T" + id + "N" + i)).sequence());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            appenders.shutdownNow();
        }

        assertEquals(400, sequences.size());
        ChainReport report = device.verify();
        assertEquals(Optional.empty(), report.firstBreak());
        assertEquals(report.entries(), report.lastCheckpoint());
        Set<Long> commands = new TreeSet<>();
        for (String line : Files.readAllLines(device.log())) {
            AuditLine entry = AuditLine.parse(line.getBytes(StandardCharsets.UTF_8));
            if (!entry.isCheckpoint()) {
                commands.add(entry.sequence());
            }
        }
        assertEquals(sequences, commands, "every acknowledged sequence number is an entry of the file");
    }

    @Test
    void anEventTheLogCannotHoldIsRefusedAndNothingIsWritten() throws Exception {
        TestDevice device = new TestDevice("handset-a", Suite.NIST, work.resolve("audit"));
        try (AuditJournal log = device.open(100, timer, () -> { }, problems::add)) {
            log.append(AuditEvent.of(AuditKind.BOOT));
            assertThrows(IllegalArgumentException.class, () -> log.append(AuditEvent.of(AuditKind.BOOT).with("sig", "x")));
            assertThrows(IllegalArgumentException.class, () -> log.append(AuditEvent.of(AuditKind.CHECKPOINT)));
            assertEquals(2, log.append(AuditEvent.of(AuditKind.UNLOCK_SUCCEEDED)).sequence());
        }
        assertTrue(device.verify().intact());
    }
}
