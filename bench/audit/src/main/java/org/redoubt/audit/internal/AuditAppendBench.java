package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;

/**
 * Durable audit appends per second: the handset's log ({@link AuditJournal} over {@link ChainFile}:
 * canonical JSON, the chain hash, a checkpoint signed with the device key every 64 entries, one
 * {@code force} shared by concurrent appenders) against the baseline of appending the same line
 * bytes to a plain file with one {@code write} + {@code force} per entry, as naive durable logging
 * does. Both run with 1 and with several threads, alternating, for several rounds; the report gives
 * the median entries/s of each and the ratio log / baseline.
 *
 * <p>Usage: {@code AuditAppendBench DIR SUITE SECONDS ROUNDS THREADS...}
 */
public final class AuditAppendBench {

    private static final BouncyCastleCryptoProvider PROVIDER = new BouncyCastleCryptoProvider();

    private AuditAppendBench() {
    }

    /** @param args the work directory, the suite (NIST or SM), seconds per series, rounds, thread counts */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Suite suite = Suite.valueOf(args[1]);
        Duration each = Duration.ofSeconds(Long.parseLong(args[2]));
        int rounds = Integer.parseInt(args[3]);
        int[] threadCounts = Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray();
        SignatureScheme scheme = suite.deviceKeyScheme();
        SigningKey key = PROVIDER.generateSigningKey(scheme,
                scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE);

        List<String> names = new ArrayList<>();
        List<List<Double>> results = new ArrayList<>();
        for (int threads : threadCounts) {
            names.add("log " + threads + "t");
            results.add(new ArrayList<>());
            names.add("raw " + threads + "t");
            results.add(new ArrayList<>());
        }
        byte[] line = sampleLine(work.resolve("sample"), suite);
        int run = 0;
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < threadCounts.length; t++) {
                boolean logFirst = (round + t) % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    boolean log = (side == 0) == logFirst;
                    Path directory = work.resolve("run-" + run++);
                    double rate = log ? chain(directory, suite, key, threadCounts[t], each)
                            : raw(directory, line, threadCounts[t], each);
                    results.get(2 * t + (log ? 0 : 1)).add(rate);
                    System.err.printf(Locale.ROOT, "round %d %s: %.0f entries/s%n", round + 1,
                            names.get(2 * t + (log ? 0 : 1)), rate);
                    delete(directory);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-10s %14s %14s %8s%n", "threads", "log entries/s", "raw entries/s", "ratio");
        for (int t = 0; t < threadCounts.length; t++) {
            double log = median(results.get(2 * t));
            double raw = median(results.get(2 * t + 1));
            System.out.printf(Locale.ROOT, "%-10d %14.0f %14.0f %7.2fx%n", threadCounts[t], log, raw, log / raw);
        }
        System.out.println("medians of " + rounds + " rounds of " + each.toSeconds() + " s; ratio = log / raw "
                + "(above 1: the log's shared force outruns one force per entry)");
    }

    /** The handset's log: returns durable entries per second. */
    private static double chain(Path directory, Suite suite, SigningKey key, int threads, Duration each)
            throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CheckpointSigner signer = new CheckpointSigner("bench-device", key.verificationKey().scheme().id(), key::sign);
        AuditJournal log = new AuditJournal(directory, ChainFile.open(directory.resolve(AuditJournal.LOG), PROVIDER),
                Clock.systemUTC(), suite::hash, signer, 64, Duration.ofSeconds(10), timer, () -> { }, System.err::println);
        AuditEvent event = AuditEvent.of(AuditKind.COMMAND_EXECUTED).with("command", "LOCK").with("nonce",
                "6f1c2a9e4b7d3f80");
        double rate;
        try {
            rate = timed(threads, each, () -> log.append(event));
        } finally {
            log.close();
            timer.shutdownNow();
        }
        // What was measured must be a valid chain, or the figure means nothing.
        var report = new ChainVerifier(PROVIDER, "bench-device", key.verificationKey())
                .verify(Files.readAllBytes(directory.resolve(AuditJournal.LOG)), java.util.Optional.empty());
        if (!report.intact()) {
            throw new IllegalStateException("the benchmark's log does not verify: " + report.firstBreak());
        }
        return rate;
    }

    /** Baseline: one write + force per entry of the same bytes. */
    private static double raw(Path directory, byte[] line, int threads, Duration each) throws Exception {
        Files.createDirectories(directory);
        try (FileChannel channel = FileChannel.open(directory.resolve("raw"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            return timed(threads, each, () -> {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            });
        }
    }

    /** One line as the log writes it: what the baseline appends. */
    private static byte[] sampleLine(Path directory, Suite suite) throws IOException {
        try (ChainFile file = ChainFile.open(directory.resolve("log"), PROVIDER)) {
            String line = file.append(java.time.Instant.now(), "COMMAND_EXECUTED", "",
                    java.util.Map.of("command", "LOCK", "nonce", "6f1c2a9e4b7d3f80"), suite.hash()).toString();
            return (line + "\n").getBytes(StandardCharsets.UTF_8);
        } finally {
            delete(directory);
        }
    }

    /** An append that must be durable when it returns. */
    private interface Append {
        void run() throws Exception;
    }

    private static double timed(int threads, Duration each, Append append) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        append.run();
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace(System.err);
                }
            });
            worker.start();
            workers.add(worker);
        }
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep(each.toMillis());
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - begin;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " appenders failed");
        }
        return count.get() * 1e9 / elapsed;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
