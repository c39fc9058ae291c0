package org.redoubt.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.crypto.api.Suite;

/**
 * kill -9 of a JVM in the middle of appending from four threads, three times over the same log:
 * every entry whose append returned is in the file afterwards, the chain verifies, and appending
 * goes on from the last whole entry.
 */
class DurabilityAcrossKillTest {

    private static final int ROUNDS = 3;
    private static final long ACKS_BEFORE_KILL = 300;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(Suite.class)
    void everyAcknowledgedEntrySurvivesKillNine(Suite suite) throws Exception {
        TestDevice device = new TestDevice("handset-a", suite, work.resolve("audit"));
        Path key = work.resolve("device.key");
        Files.write(key, device.key.encodePrivateKey());
        Set<Long> acknowledged = new TreeSet<>();

        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.addAll(appendUntilKilled(device, key, round));
            Set<Long> inFile = sequencesIn(device);
            assertTrue(inFile.containsAll(acknowledged), () -> "lost: " + missing(acknowledged, inFile));
        }

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (AuditJournal log = device.open(10, timer, () -> { }, line -> { })) {
            long last = log.file().sequence();
            assertEquals(last + 1, log.append(AuditEvent.of(AuditKind.BOOT)).sequence());
        } finally {
            timer.shutdownNow();
        }
        ChainReport report = device.verify();
        assertEquals(Optional.empty(), report.firstBreak());
        assertEquals(report.entries(), report.lastCheckpoint());
        assertTrue(sequencesIn(device).containsAll(acknowledged));
    }

    private List<Long> appendUntilKilled(TestDevice device, Path key, int round) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AppendingProcess.class.getName(), device.directory.toString(),
                device.suite.name(), key.toString(), "4")
                .redirectError(work.resolve("child-" + round + ".err").toFile()).start();
        List<Long> acks = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (acks.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                acks.add(Long.parseLong(line.substring("ack ".length())));
                assertTrue(System.nanoTime() < deadline, "the child appends too slowly");
            }
            // SIGKILL: no shutdown hook, no close, no last checkpoint. (Through the handle: Process's
            // own destroyForcibly also closes the pipe whose last acks are still to be read.)
            child.toHandle().destroyForcibly();
            // Acks already printed before the kill still count: they were acknowledged.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acks.add(Long.parseLong(line.substring("ack ".length())));
                }
            }
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(acks.size() >= ACKS_BEFORE_KILL, "the child stopped early: "
                + Files.readString(work.resolve("child-" + round + ".err")));
        return acks;
    }

    private static Set<Long> sequencesIn(TestDevice device) throws Exception {
        byte[] log = Files.readAllBytes(device.log());
        Set<Long> sequences = new TreeSet<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                sequences.add(AuditLine.parse(java.util.Arrays.copyOfRange(log, start, i)).sequence());
                start = i + 1;
            }
        }
        return sequences;
    }

    private static Set<Long> missing(Set<Long> acknowledged, Set<Long> inFile) {
        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(inFile);
        return missing;
    }
}
