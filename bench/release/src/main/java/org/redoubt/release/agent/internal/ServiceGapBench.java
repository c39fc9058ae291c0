package org.redoubt.release.agent.internal;

// In the agent's package for its package-private classes: see BenchHandset.

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.redoubt.health.api.HealthCheck;

/**
 * Issue 9: "the service gap of a live driver update". A driver bundle ({@link BenchDriver}) registers
 * one service under an interface the system bundle exports; a service listener on the system bundle's
 * context times every stretch during which no service of that interface and name is registered, from
 * the UNREGISTERING event to the next REGISTERED one (listeners are called synchronously, on the thread
 * that changes the registration).
 *
 * <p>Series, rotated every round, each on a new version of the same driver:
 * <ul>
 * <li><b>agent</b>: the handset (real Felix, launcher slots and resolver hook) gets a signed release
 * in which only the driver changed, over the broker, and installs it live ({@link BundleSetConverger}:
 * update, refresh of what changed, start); timed from before the first chunk's publish to COMMITTED.</li>
 * <li><b>update+refresh</b> (baseline): a plain Felix in the same JVM (no resolver hook, no agent) with
 * the same driver, updated directly: {@code Bundle.update(stream)}, {@code refreshBundles} of it, then
 * {@code start()}: the framework operations the agent performs, without anything around them.</li>
 * <li><b>stop/start</b> (baseline): the same plain Felix, {@code stop()} then {@code start()}: the least a
 * restart of the driver costs.</li>
 * </ul>
 *
 * <p>Usage: {@code ServiceGapBench --work DIR [--rounds N] [--warmup N]}
 */
public final class ServiceGapBench {

    private static final String DRIVER = "org.redoubt.bench.driver";
    private static final String FILTER = "(&(" + Constants.OBJECTCLASS + "=" + HealthCheck.class.getName() + ")("
            + HealthCheck.NAME_PROPERTY + "=" + BenchDriver.NAME + "))";

    private ServiceGapBench() {
    }

    /** Every stretch without the service since the last {@link #reset}, in nanoseconds. */
    static final class GapRecorder implements ServiceListener {
        private int registered;
        private long downSince;
        private long firstDown;
        private long lastUp;
        private final List<Long> gaps = new ArrayList<>();

        GapRecorder(int registered) {
            this.registered = registered;
        }

        @Override
        public synchronized void serviceChanged(ServiceEvent event) {
            long now = System.nanoTime();
            if (event.getType() == ServiceEvent.REGISTERED) {
                if (++registered == 1 && downSince != 0) {
                    gaps.add(now - downSince);
                    lastUp = now;
                    downSince = 0;
                }
            } else if (event.getType() == ServiceEvent.UNREGISTERING) {
                if (--registered == 0) {
                    downSince = now;
                    if (firstDown == 0) {
                        firstDown = now;
                    }
                }
            }
        }

        synchronized void reset() {
            gaps.clear();
            firstDown = 0;
            lastUp = 0;
        }

        /** @return the gaps since the reset; fails unless the service is registered now */
        synchronized Round round(String series) {
            if (registered != 1 || downSince != 0) {
                throw new IllegalStateException(series + ": the driver's service is not registered after the round ("
                        + registered + ")");
            }
            long sum = gaps.stream().mapToLong(Long::longValue).sum();
            long longest = gaps.stream().mapToLong(Long::longValue).max().orElse(0);
            return new Round(gaps.size(), sum, longest, gaps.isEmpty() ? 0 : lastUp - firstDown);
        }
    }

    /** One round: how many gaps, their sum, the longest, first down to last up. */
    record Round(int gaps, long total, long longest, long span) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 30;
        int warmup = 5;
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw usage();
            }
        }
        if (work == null || rounds < 1 || warmup < 0) {
            throw usage();
        }
        try (BenchHandset bench = new BenchHandset(work.resolve("handset-bench"),
                Map.of("driver.jar", ActivatorBundles.bundle(DRIVER, "1.0.0", BenchDriver.class)))) {
            Framework plain = plainFramework(work.resolve("plain-felix"));
            try {
                run(bench, plain, rounds, warmup);
            } finally {
                plain.stop();
                plain.waitForStop(10_000);
            }
        }
    }

    private static IllegalArgumentException usage() {
        return new IllegalArgumentException("usage: ServiceGapBench --work DIR [--rounds N] [--warmup N]");
    }

    /** A bare Felix with the same exported API as the handset's, no resolver hook, no release. */
    private static Framework plainFramework(Path storage) throws Exception {
        Files.createDirectories(storage);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        Framework framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.redoubt.health.api;version=\"1.1.0\""));
        framework.start();
        return framework;
    }

    private static void run(BenchHandset bench, Framework plain, int rounds, int warmup) throws Exception {
        int total = warmup + rounds;
        System.err.println("bench: signing " + total + " releases ...");
        List<byte[][]> agentRounds = new ArrayList<>();
        List<byte[]> updates = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Path release = bench.releases.release(2 + i,
                    Map.of("driver.jar", ActivatorBundles.bundle(DRIVER, "1.0." + (i + 1), BenchDriver.class)));
            byte[] jar = BenchHandset.read(release).values().iterator().next();
            agentRounds.add(new byte[][] {jar, BenchHandset.envelope(release)});
            updates.add(ActivatorBundles.bundle(DRIVER, "2.0." + (i + 1), BenchDriver.class));
        }
        BundleContext handsetContext = bench.handset.framework.getBundleContext();
        GapRecorder agentGaps = new GapRecorder(handsetContext.getServiceReferences(HealthCheck.class, FILTER).size());
        handsetContext.addServiceListener(agentGaps, FILTER);

        BundleContext plainContext = plain.getBundleContext();
        GapRecorder plainGaps = new GapRecorder(0);
        plainContext.addServiceListener(plainGaps, FILTER);
        Bundle driver = plainContext.installBundle("bench:" + DRIVER,
                new ByteArrayInputStream(ActivatorBundles.bundle(DRIVER, "2.0.0", BenchDriver.class)));
        driver.start();
        FrameworkWiring wiring = plain.adapt(FrameworkWiring.class);

        String[] names = {"agent: live release (update, refresh, start)", "baseline: Bundle.update + refresh + start",
            "baseline: Bundle.stop + start"};
        Round[][] results = new Round[3][rounds];
        long[] committed = new long[rounds];
        System.err.printf(Locale.ROOT, "bench: %d warm-up + %d measured rounds%n", warmup, rounds);
        for (int i = 0; i < total; i++) {
            for (int k = 0; k < 3; k++) {
                int series = (i + k) % 3;
                Round round;
                if (series == 0) {
                    agentGaps.reset();
                    bench.acks.clear();
                    long start = System.nanoTime();
                    bench.publishChunks(agentRounds.get(i)[0]);
                    bench.publishManifest(agentRounds.get(i)[1]);
                    Map<String, Long> seen = bench.acksUntilFinal(agentRounds.get(i)[1]);
                    if (i >= warmup) {
                        committed[i - warmup] = seen.get("COMMITTED") - start;
                    }
                    round = agentGaps.round(names[0]);
                } else if (series == 1) {
                    plainGaps.reset();
                    driver.update(new ByteArrayInputStream(updates.get(i)));
                    CountDownLatch refreshed = new CountDownLatch(1);
                    wiring.refreshBundles(List.of(driver), event -> {
                        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                            refreshed.countDown();
                        }
                    });
                    if (!refreshed.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the refresh did not finish");
                    }
                    driver.start(Bundle.START_ACTIVATION_POLICY);
                    round = plainGaps.round(names[1]);
                } else {
                    plainGaps.reset();
                    driver.stop();
                    driver.start();
                    round = plainGaps.round(names[2]);
                }
                if (round.gaps() == 0) {
                    throw new IllegalStateException(names[series] + ": no gap recorded; the listener saw nothing");
                }
                if (i >= warmup) {
                    results[series][i - warmup] = round;
                }
                Thread.sleep(200);
            }
            if (i % 10 == 9) {
                System.err.printf(Locale.ROOT, "bench: %d rounds done%n", i + 1);
            }
        }

        System.out.printf(Locale.ROOT, "driver: one activator registering %s (%s=%s); %d measured rounds after %d warm-up,"
                + " series rotated%n", HealthCheck.class.getSimpleName(), HealthCheck.NAME_PROPERTY, BenchDriver.NAME, rounds,
                warmup);
        System.out.printf(Locale.ROOT, "%-48s %6s %10s %10s %10s %10s %10s%n", "series", "gaps", "total p50", "total max",
                "longest p50", "span p50", "span max");
        long[][] totals = new long[3][];
        for (int s = 0; s < 3; s++) {
            Round[] r = results[s];
            totals[s] = java.util.Arrays.stream(r).mapToLong(Round::total).toArray();
            long[] longest = java.util.Arrays.stream(r).mapToLong(Round::longest).toArray();
            long[] span = java.util.Arrays.stream(r).mapToLong(Round::span).toArray();
            int minGaps = java.util.Arrays.stream(r).mapToInt(Round::gaps).min().orElse(0);
            int maxGaps = java.util.Arrays.stream(r).mapToInt(Round::gaps).max().orElse(0);
            System.out.printf(Locale.ROOT, "%-48s %6s %10.3f %10.3f %10.3f %10.3f %10.3f%n", names[s],
                    minGaps == maxGaps ? String.valueOf(minGaps) : minGaps + "-" + maxGaps,
                    BenchHandset.ms(BenchHandset.percentile(totals[s], 50)), BenchHandset.ms(BenchHandset.max(totals[s])),
                    BenchHandset.ms(BenchHandset.percentile(longest, 50)), BenchHandset.ms(BenchHandset.percentile(span, 50)),
                    BenchHandset.ms(BenchHandset.max(span)));
        }
        System.out.println("(ms; gaps: stretches without the service per round; total: their sum; longest: the longest"
                + " one; span: first UNREGISTERING to last REGISTERED)");
        for (int s = 1; s < 3; s++) {
            System.out.printf(Locale.ROOT, "ratio agent / %s: p50 %.2fx, max %.2fx (time without the service)%n",
                    names[s].substring("baseline: ".length()),
                    (double) BenchHandset.percentile(totals[0], 50) / BenchHandset.percentile(totals[s], 50),
                    (double) BenchHandset.max(totals[0]) / BenchHandset.max(totals[s]));
        }
        System.out.printf(Locale.ROOT, "agent: driver-only release (%d B jar) publish to COMMITTED: median %.1f ms, min %.1f,"
                + " max %.1f%n", agentRounds.get(0)[0].length, BenchHandset.ms(BenchHandset.percentile(committed, 50)),
                BenchHandset.ms(BenchHandset.min(committed)), BenchHandset.ms(BenchHandset.max(committed)));
        System.out.printf(Locale.ROOT, "SERVICE GAP agent p50 %.3f ms, max %.3f ms; update+refresh p50 %.3f ms; stop/start p50 %.3f ms%n",
                BenchHandset.ms(BenchHandset.percentile(totals[0], 50)), BenchHandset.ms(BenchHandset.max(totals[0])),
                BenchHandset.ms(BenchHandset.percentile(totals[1], 50)), BenchHandset.ms(BenchHandset.percentile(totals[2], 50)));
    }
}
