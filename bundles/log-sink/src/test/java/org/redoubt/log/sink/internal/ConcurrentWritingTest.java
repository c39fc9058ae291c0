package org.redoubt.log.sink.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

class ConcurrentWritingTest {

    private static final int THREADS = 8;
    private static final int ENTRIES = 500;
    private static final long MAX_BYTES = 8192;
    private static final int FILES = 100;
    private static final String PAYLOAD = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern LINE = Pattern.compile(
            "1970-01-01T00:00:00\\.000Z INFO  worker-(\\d) entry (\\d{4}) " + PAYLOAD);

    @TempDir
    Path dir;

    @Test
    void linesFromManyThreadsStayWholeInFileAndConsoleAcrossRotations() throws Exception {
        ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(consoleBytes, false, UTF_8);
        RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", MAX_BYTES, FILES);
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        LogSink sink = new LogSink(LogLevel.INFO, new LogLineFormat(), file, console, console, clock);
        ReplayingListener listener = new ReplayingListener(sink);
        listener.replay(new FakeLogReader(List.of(), r -> { }).getLog());

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String logger = "worker-" + t;
            workers.add(() -> {
                start.await();
                for (int n = 0; n < ENTRIES; n++) {
                    listener.logged(new TestEntry(0, LogLevel.INFO, logger,
                            String.format("entry %04d %s", n, PAYLOAD), null, 0));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> worker : workers) {
                done.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Void> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        sink.close();
        console.flush();

        List<String> fileLines = new ArrayList<>();
        for (int n = FILES - 1; n >= 1; n--) {
            Path backup = file.backup(n);
            if (Files.exists(backup)) {
                assertTrue(Files.size(backup) <= MAX_BYTES, backup + " is too large");
                fileLines.addAll(Files.readAllLines(backup, UTF_8));
            }
        }
        fileLines.addAll(Files.readAllLines(file.liveFile(), UTF_8));
        assertTrue(Files.exists(file.backup(2)), "the test must rotate several times");

        assertWholeAndComplete(fileLines);
        assertWholeAndComplete(consoleBytes.toString(UTF_8).lines().toList());
    }

    /** Every line is intact, every entry is there once, each thread's entries in their order. */
    private static void assertWholeAndComplete(List<String> lines) {
        assertEquals(THREADS * ENTRIES, lines.size());
        int[] next = new int[THREADS];
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            assertTrue(matcher.matches(), "torn or mixed line: " + line);
            int thread = Integer.parseInt(matcher.group(1));
            int entry = Integer.parseInt(matcher.group(2));
            assertEquals(next[thread], entry, "entry out of order or lost for worker-" + thread);
            next[thread]++;
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(ENTRIES, next[t]);
        }
    }
}
