package org.redoubt.release.agent.internal;

// In the agent's package for its package-private classes: see BenchHandset.

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Issue 9: "a 5-bundle release of about 2 MiB: publish to committed on loopback". Each round the
 * operator publishes a signed release of five bundle jars of ~400 KiB of random content (stored
 * entries, so nothing compresses; every round bumps all five versions, so every round installs all
 * five live) as the fleet tool does: every chunk retained at QoS 1, one after the other, then the
 * manifest. Timed from just before the first chunk's publish to the arrival of the COMMITTED ack in the
 * operator's Paho callback; the arrival of every other ack on the way is recorded too.
 *
 * <p>Baseline, same run, same broker, same TLS: the raw transfer. The operator publishes five files of
 * the same sizes (other random bytes, so other topics) as the same retained chunks, then a message of
 * the manifest's size on {@code devices/handset-raw/release}. A plain Paho client with a handset
 * certificate ({@code handset-raw}) subscribes on that message to the five files' chunk topics, as the
 * agent does, counts the bytes in its callback and, when the last chunk is in, answers on its ack topic
 * with a message of the COMMITTED ack's size. Timed from the first chunk's publish to the answer at the
 * operator (and to the last chunk's arrival at the subscriber). Rounds alternate which series goes first.
 *
 * <p>Usage: {@code ReleaseLatencyBench --work DIR [--rounds N] [--warmup N] [--bundles N] [--kib N]}
 */
public final class ReleaseLatencyBench {

    private static final String RAW = "handset-raw";
    private static final String[] STATES = {"DOWNLOAD_STARTED", "DOWNLOADED", "VERIFIED", "INSTALLING", "TESTING",
        "COMMITTED"};

    private ReleaseLatencyBench() {
    }

    /** One round of the agent's series: its jars and manifest, prepared before the clock runs. */
    private record Round(long release, List<byte[]> files, byte[] envelope) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 8;
        int warmup = 2;
        int bundles = 5;
        int kib = 400;
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--bundles" -> bundles = Integer.parseInt(args[++i]);
                case "--kib" -> kib = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw usage();
            }
        }
        if (work == null || rounds < 1 || warmup < 0 || bundles < 1 || kib < 1) {
            throw usage();
        }
        Map<String, byte[]> first = jars(bundles, kib, "1.0.0");
        try (BenchHandset bench = new BenchHandset(work, first)) {
            run(bench, rounds, warmup, bundles, kib);
        }
    }

    private static IllegalArgumentException usage() {
        return new IllegalArgumentException(
                "usage: ReleaseLatencyBench --work DIR [--rounds N] [--warmup N] [--bundles N] [--kib N]");
    }

    private static Map<String, byte[]> jars(int bundles, int kib, String version) throws Exception {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        for (int b = 1; b <= bundles; b++) {
            jars.put("bench-" + b + ".jar", ActivatorBundles.plain("org.redoubt.bench.payload" + b, version, kib * 1024, null));
        }
        return jars;
    }

    private static void run(BenchHandset bench, int rounds, int warmup, int bundles, int kib) throws Exception {
        int total = warmup + rounds;
        System.err.println("bench: signing " + total + " releases ...");
        List<Round> agentRounds = new ArrayList<>();
        List<List<byte[]>> rawRounds = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long release = 2 + i;
            Path directory = bench.releases.release(release, jars(bundles, kib, "1.0." + (i + 1)));
            agentRounds.add(new Round(release, new ArrayList<>(BenchHandset.read(directory).values()),
                    BenchHandset.envelope(directory)));
            rawRounds.add(new ArrayList<>(jars(bundles, kib, "9.0." + (i + 1)).values()));
        }
        long bytes = agentRounds.get(0).files().stream().mapToLong(f -> f.length).sum();
        int chunks = agentRounds.get(0).files().stream().mapToInt(f -> (f.length + BlobSpec.CHUNK_SIZE - 1) / BlobSpec.CHUNK_SIZE)
                .sum();
        int envelopeBytes = agentRounds.get(0).envelope().length;

        // The raw subscriber: on the "manifest" (one line per file: digest and size), subscribe to the files'
        // chunk topics, count the bytes, answer when all are in. Subscribing happens off Paho's callback thread.
        AtomicLong ackBytes = new AtomicLong(200);
        ExecutorService rawThread = Executors.newSingleThreadExecutor();
        Map<String, Long> expected = new ConcurrentHashMap<>();
        AtomicLong missing = new AtomicLong();
        AtomicLong lastChunkAt = new AtomicLong();
        MqttAsyncClient[] raw = new MqttAsyncClient[1];
        raw[0] = bench.asyncClient(RAW, (topic, payload, nanos) -> {
            if (topic.endsWith("/release")) {
                List<String> filters = new ArrayList<>();
                long sum = 0;
                for (String line : new String(payload, StandardCharsets.US_ASCII).split("\n")) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split(" ");
                    expected.put(parts[0], Long.parseLong(parts[1]));
                    sum += Long.parseLong(parts[1]);
                    filters.add(BlobSpec.TOPIC_PREFIX + parts[0] + "/+");
                }
                missing.set(sum);
                rawThread.execute(() -> {
                    try {
                        raw[0].subscribe(filters.stream().map(f -> new MqttSubscription(f, 1)).toArray(MqttSubscription[]::new));
                    } catch (Exception e) {
                        System.err.println("bench: raw subscriber cannot subscribe: " + e);
                    }
                });
            } else if (topic.startsWith(BlobSpec.TOPIC_PREFIX)) {
                String digest = topic.substring(BlobSpec.TOPIC_PREFIX.length(), topic.lastIndexOf('/'));
                if (expected.containsKey(digest) && missing.addAndGet(-payload.length) == 0) {
                    lastChunkAt.set(nanos);
                    for (String done : expected.keySet()) {
                        rawThread.execute(() -> {
                            try {
                                raw[0].unsubscribe(BlobSpec.TOPIC_PREFIX + done + "/+");
                            } catch (Exception e) {
                                // the next round's topics are other topics anyway
                            }
                        });
                    }
                    expected.clear();
                    raw[0].publish("redoubt/v1/devices/" + RAW + "/ack", BenchHandset.padded("raw", (int) ackBytes.get()), 1,
                            false);
                }
            }
        });
        raw[0].subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/" + RAW + "/release", 1)})
                .waitForCompletion(30_000);

        long[] agentTotal = new long[rounds];
        long[] rawTotal = new long[rounds];
        long[] rawLastChunk = new long[rounds];
        long[] publishChunks = new long[rounds];
        long[] rawPublishChunks = new long[rounds];
        Map<String, long[]> phase = new LinkedHashMap<>();
        for (String state : STATES) {
            phase.put(state, new long[rounds]);
        }
        System.err.printf(Locale.ROOT, "bench: %d warm-up + %d measured rounds of %d bundles, %d B, %d chunks%n", warmup,
                rounds, bundles, bytes, chunks);
        for (int i = 0; i < total; i++) {
            boolean agentFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean agentNow = (side == 0) == agentFirst;
                if (agentNow) {
                    Round round = agentRounds.get(i);
                    bench.acks.clear();
                    long start = System.nanoTime();
                    for (byte[] file : round.files()) {
                        bench.publishChunks(file);
                    }
                    long published = System.nanoTime();
                    bench.publishManifest(round.envelope());
                    Map<String, Long> seen = bench.acksUntilFinal(round.envelope());
                    if (ackBytes.get() == 200) {
                        ackBytes.set(committedAckBytes(bench, round));
                    }
                    if (i >= warmup) {
                        int m = i - warmup;
                        agentTotal[m] = seen.get("COMMITTED") - start;
                        publishChunks[m] = published - start;
                        for (String state : STATES) {
                            Long at = seen.get(state);
                            phase.get(state)[m] = at == null ? -1 : at - start;
                        }
                    }
                    System.err.printf(Locale.ROOT, "bench: round %d release %d COMMITTED after %.1f ms%s%n", i,
                            round.release(), BenchHandset.ms(seen.get("COMMITTED") - start), i < warmup ? " (warm-up)" : "");
                } else {
                    List<byte[]> files = rawRounds.get(i);
                    StringBuilder manifest = new StringBuilder();
                    for (byte[] file : files) {
                        manifest.append(BenchHandset.sha256(file)).append(' ').append(file.length).append('\n');
                    }
                    while (manifest.length() < envelopeBytes) {
                        manifest.append('#');
                    }
                    bench.acks.clear();
                    lastChunkAt.set(0);
                    long start = System.nanoTime();
                    for (byte[] file : files) {
                        bench.publishChunks(file);
                    }
                    long published = System.nanoTime();
                    bench.operator.publish("redoubt/v1/devices/" + RAW + "/release",
                            manifest.toString().getBytes(StandardCharsets.US_ASCII), 1, true).waitForCompletion(30_000);
                    BenchHandset.Ack answer = awaitRaw(bench.acks);
                    if (i >= warmup) {
                        int m = i - warmup;
                        rawTotal[m] = answer.nanos() - start;
                        rawLastChunk[m] = lastChunkAt.get() - start;
                        rawPublishChunks[m] = published - start;
                    }
                    System.err.printf(Locale.ROOT, "bench: round %d raw transfer answered after %.1f ms%s%n", i,
                            BenchHandset.ms(answer.nanos() - start), i < warmup ? " (warm-up)" : "");
                }
                Thread.sleep(500);
            }
        }
        rawThread.shutdownNow();

        System.out.printf(Locale.ROOT, "release: %d bundles, %d B (%.2f MiB) in %d chunks of %d B; manifest %d B; %d measured rounds"
                + " after %d warm-up, series alternating%n", bundles, bytes, bytes / 1048576.0, chunks, BlobSpec.CHUNK_SIZE,
                envelopeBytes, rounds, warmup);
        System.out.println("handset state on: " + bench.stateFileSystem() + " (chunks, slot and journal forced to disk)");
        System.out.printf(Locale.ROOT, "%-58s %9s %9s %9s%n", "series (from the first chunk's publish)", "median", "min", "max");
        row("baseline: chunks published (operator, PUBACK each)", rawPublishChunks);
        row("baseline: last chunk at the plain subscriber", rawLastChunk);
        row("baseline: raw transfer, answer at the operator", rawTotal);
        row("agent: chunks published (operator, PUBACK each)", publishChunks);
        for (String state : STATES) {
            row("agent: ack " + state + " at the operator", phase.get(state));
        }
        double ratio = (double) BenchHandset.percentile(agentTotal, 50) / BenchHandset.percentile(rawTotal, 50);
        System.out.printf(Locale.ROOT, "ratio publish-to-COMMITTED / raw transfer: %.2fx (medians); to the last chunk: %.2fx%n",
                ratio, (double) BenchHandset.percentile(agentTotal, 50) / BenchHandset.percentile(rawLastChunk, 50));
        System.out.println("where the agent's time goes (median of the per-round step, between ack arrivals):");
        String previous = null;
        for (String state : STATES) {
            long[] step = new long[rounds];
            for (int m = 0; m < rounds; m++) {
                step[m] = phase.get(state)[m] - (previous == null ? publishChunks[m] : phase.get(previous)[m]);
            }
            System.out.printf(Locale.ROOT, "  %-18s -> %-16s %9.1f ms  (min %.1f, max %.1f)%n",
                    previous == null ? "chunks published" : previous, state, BenchHandset.ms(BenchHandset.percentile(step, 50)),
                    BenchHandset.ms(BenchHandset.min(step)), BenchHandset.ms(BenchHandset.max(step)));
            previous = state;
        }
        System.out.printf(Locale.ROOT, "RELEASE LATENCY median %.1f ms, min %.1f, max %.1f; raw median %.1f ms; ratio %.2fx%n",
                BenchHandset.ms(BenchHandset.percentile(agentTotal, 50)), BenchHandset.ms(BenchHandset.min(agentTotal)),
                BenchHandset.ms(BenchHandset.max(agentTotal)), BenchHandset.ms(BenchHandset.percentile(rawTotal, 50)), ratio);
    }

    private static long committedAckBytes(BenchHandset bench, Round round) {
        // The COMMITTED ack's size: as ReleaseAck writes it (the payload is not kept by acksUntilFinal).
        return ReleaseAck.json(round.release(), "sha256:" + "0".repeat(64), ReleaseProgress.COMMITTED, "",
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), java.time.Instant.now()).length;
    }

    private static BenchHandset.Ack awaitRaw(BlockingQueue<BenchHandset.Ack> acks) throws Exception {
        long deadline = System.nanoTime() + BenchHandset.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            BenchHandset.Ack ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack != null && ack.topic().equals("redoubt/v1/devices/" + RAW + "/ack")) {
                return ack;
            }
        }
        throw new IllegalStateException("the raw subscriber did not answer within " + BenchHandset.WAIT.toSeconds() + " s");
    }

    private static void row(String name, long[] samples) {
        System.out.printf(Locale.ROOT, "%-58s %9.1f %9.1f %9.1f%n", name, BenchHandset.ms(BenchHandset.percentile(samples, 50)),
                BenchHandset.ms(BenchHandset.min(samples)), BenchHandset.ms(BenchHandset.max(samples)));
    }
}
