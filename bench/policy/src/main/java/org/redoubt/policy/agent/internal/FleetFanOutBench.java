package org.redoubt.policy.agent.internal;

// In the agent's package for its package-private classes: see BenchNetwork.

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * One group policy to N simulated handsets (default 500): N instances of the real agent in this
 * JVM, each with its own data directory, device certificate and client id, all in group
 * {@value BenchNetwork#GROUP}, on one real Mosquitto with the shipped configuration. After all N
 * have reported ONLINE, the operator publishes one signed group policy on
 * {@code redoubt/v1/fleet/policy} (retained, QoS 1) and the harness times until the N-th ack
 * "APPLIED" has reached the operator ({@code redoubt/v1/devices/+/ack}).
 *
 * <p>Baseline in the same run, on the same broker: N plain Paho clients with handset certificates
 * subscribed to {@code redoubt/v1/fleet/bench-raw}; the operator publishes one message of the
 * policy's size there (retained, QoS 1). Measured: until all N have received it (the fan-out), and
 * until all N answers, sent at once by each client on its ack topic with the ack's size, have
 * reached the operator (the fan-out and fan-in without the agent). Rounds alternate which goes first.
 *
 * <p>All N handsets share this machine's cores, so each policy's verification, files and fsyncs
 * queue here, where a real fleet does them in parallel on N phones: the figure is pessimistic
 * about the handsets and realistic about the broker.
 *
 * <p>Usage: {@code FleetFanOutBench --work DIR [--handsets N] [--rounds N] [--warmup N] [--suite nist|sm]}
 */
public final class FleetFanOutBench {

    private static final String RAW_TOPIC = "redoubt/v1/fleet/bench-raw";
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(120);
    private static final String USAGE =
            "usage: FleetFanOutBench --work DIR [--handsets N] [--rounds N] [--warmup N] [--suite nist|sm] [--settle-ms MS]"
            + " [--broker-option LINE] [--nodelay-operator]";

    private record Arrival(String topic, byte[] payload, long nanos) {
    }

    /** What the raw subscribers saw of one round. */
    private static final class RawRound {
        final String tag;
        final AtomicLongArray received;

        RawRound(String tag, int subscribers) {
            this.tag = tag;
            this.received = new AtomicLongArray(subscribers);
        }
    }

    private FleetFanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        int handsets = 500;
        int rounds = 5;
        int warmup = 1;
        long settleMillis = 2_000;
        String suite = "nist";
        Path work = null;
        List<String> brokerOptions = new ArrayList<>();
        boolean noDelay = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--handsets" -> handsets = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--suite" -> suite = args[++i];
                case "--settle-ms" -> settleMillis = Long.parseLong(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--broker-option" -> brokerOptions.add(args[++i]);
                case "--nodelay-operator" -> noDelay = true;
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        if (work == null || handsets < 1 || rounds < 1 || warmup < 0 || !Set.of("nist", "sm").contains(suite)) {
            throw new IllegalArgumentException(USAGE);
        }
        try (BenchNetwork network = BenchNetwork.start(work, brokerOptions)) {
            System.out.println("broker: mosquitto on the shipped configuration"
                    + (brokerOptions.isEmpty() ? "" : ", plus (experiment) " + brokerOptions));
            run(network, handsets, rounds, warmup, suite, settleMillis, noDelay);
        }
    }

    private static void run(BenchNetwork network, int n, int rounds, int warmup, String suite, long settleMillis,
            boolean noDelay) throws Exception {
        int total = warmup + rounds;
        boolean sm = suite.equals("sm");
        TestFleet fleet = new TestFleet(sm ? SignatureScheme.SM2_SM3 : SignatureScheme.ECDSA_P256_SHA256, 2);
        String target = "{\"group\":\"" + BenchNetwork.GROUP + "\"}";
        byte[][] policies = new byte[total][];
        String[] digests = new String[total];
        for (int i = 0; i < total; i++) {
            policies[i] = BenchNetwork.policy(fleet, i + 1, target, BenchNetwork.body(sm ? "SM" : "NIST"));
            digests[i] = BenchNetwork.digest(policies[i]);
        }

        System.err.println("bench: making " + n + " handsets (keys, certificates, data directories) ...");
        List<String> devices = new ArrayList<>();
        List<PolicyAgent> agents = new ArrayList<>();
        List<BenchNetwork.CountingEnforcer> enforcers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String device = String.format(Locale.ROOT, "handset-%04d", i);
            BenchNetwork.CountingEnforcer enforcer = new BenchNetwork.CountingEnforcer();
            agents.add(network.handset(device, fleet, enforcer));
            enforcers.add(enforcer);
            devices.add(device);
        }

        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        BenchNetwork.Client operator = network.client(BenchNetwork.OPERATOR, false, noDelay,
                (client, topic, payload, nanos) -> arrivals.add(new Arrival(topic, payload, nanos)));
        operator.subscribe(BenchNetwork.ACKS);

        System.err.println("bench: starting " + n + " agents ...");
        long started = System.nanoTime();
        for (PolicyAgent agent : agents) {
            agent.start();
        }
        network.awaitOnline(new HashSet<>(devices), Duration.ofSeconds(300));
        Duration online = Duration.ofNanos(System.nanoTime() - started);
        System.err.printf(Locale.ROOT, "bench: %d handsets ONLINE %.1f s after the first start%n", n, online.toMillis() / 1e3);

        // The baseline's subscribers: handset certificates (raw-NNNN), the shipped ACL's handset rules.
        System.err.println("bench: connecting " + n + " plain subscribers ...");
        AtomicReference<RawRound> current = new AtomicReference<>();
        int ackBytes = 183;
        List<BenchNetwork.Client> subscribers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            String name = String.format(Locale.ROOT, "raw-%04d", i);
            String answerTopic = "redoubt/v1/devices/" + name + "/ack";
            subscribers.add(network.client(name, true, (client, topic, payload, nanos) -> {
                RawRound round = current.get();
                String tag = BenchNetwork.tag(payload);
                if (round != null && round.tag.equals(tag)) {
                    round.received.compareAndSet(index, 0, nanos);
                }
                client.publish(answerTopic, BenchNetwork.padded(tag, ackBytes), 1, false);
            }));
        }
        for (BenchNetwork.Client subscriber : subscribers) {
            subscriber.subscribe(RAW_TOPIC);
        }
        System.err.printf(Locale.ROOT, "bench: %d plain subscribers connected; %d warm-up + %d measured rounds%n", n,
                warmup, rounds);

        int trouble = network.connectionTrouble.get();
        long[] agentAll = new long[rounds];
        long[] agentHalf = new long[rounds];
        long[] rawOneWay = new long[rounds];
        long[] rawRoundTrip = new long[rounds];
        int[] sizes = new int[2];
        for (int r = 0; r < total; r++) {
            long[] agentTimes = null;
            long[] rawTimes = null;
            for (int side = 0; side < 2; side++) {
                boolean agentSide = (r + side) % 2 == 1;
                BenchNetwork.sleep(settleMillis);
                arrivals.clear();
                if (agentSide) {
                    agentTimes = agentRound(operator, arrivals, policies[r], digests[r], new HashSet<>(devices), r);
                    sizes[0] = policies[r].length;
                } else {
                    RawRound round = new RawRound("raw-" + r + "-", n);
                    current.set(round);
                    rawTimes = rawRound(operator, arrivals, round, policies[r].length, n, r);
                    sizes[1] = policies[r].length;
                }
            }
            String kind = r < warmup ? "warm-up" : "round  ";
            System.err.printf(Locale.ROOT, "bench: %s %d: agents all APPLIED %.1f ms (half %.1f ms); raw received %.1f ms,"
                    + " answered %.1f ms%n", kind, r + 1, BenchNetwork.ms(agentTimes[0]), BenchNetwork.ms(agentTimes[1]),
                    BenchNetwork.ms(rawTimes[0]), BenchNetwork.ms(rawTimes[1]));
            if (r >= warmup) {
                agentAll[r - warmup] = agentTimes[0];
                agentHalf[r - warmup] = agentTimes[1];
                rawOneWay[r - warmup] = rawTimes[0];
                rawRoundTrip[r - warmup] = rawTimes[1];
            }
        }
        if (network.connectionTrouble.get() != trouble) {
            throw new IllegalStateException("a handset lost its connection during the run: " + network.troubleLines);
        }
        for (int i = 0; i < n; i++) {
            if (enforcers.get(i).applied.get() != total) {
                throw new IllegalStateException(devices.get(i) + " enforced " + enforcers.get(i).applied.get()
                        + " policies, expected " + total);
            }
        }

        System.out.printf(Locale.ROOT, "handsets: %d agents in one JVM (%d cores), group %s, %s policy keys 2 of 2;"
                + " ONLINE after %.1f s (not measured)%n", n, Runtime.getRuntime().availableProcessors(), BenchNetwork.GROUP,
                sm ? "SM2" : "ECDSA P-256", online.toMillis() / 1e3);
        System.out.printf(Locale.ROOT, "rounds: %d measured (after %d warm-up), one new policy version each; message %d B"
                + " (raw the same size)%n", rounds, warmup, sizes[0]);
        System.out.println("handset state on: " + network.stateFileSystem() + " (policy file and floors forced to disk)");
        System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "series (ms from the operator's publish)", "median", "min", "max");
        row("agents: last of " + n + " acks APPLIED at operator", agentAll);
        row("agents: half of the acks APPLIED", agentHalf);
        row("raw: last of " + n + " subscribers received", rawOneWay);
        row("raw: last of " + n + " answers at operator", rawRoundTrip);
        long median = BenchNetwork.percentile(agentAll, 50);
        System.out.printf(Locale.ROOT, "ratio agents / raw fan-out (received): %.2fx; agents / raw answered: %.2fx (medians)%n",
                (double) median / BenchNetwork.percentile(rawOneWay, 50),
                (double) median / BenchNetwork.percentile(rawRoundTrip, 50));
        boolean pass = median < 1_000_000_000L;
        System.out.printf(Locale.ROOT, "goal: all %d APPLIED in under 1 s (median of %d rounds %.1f ms, worst %.1f ms): %s%n",
                n, rounds, BenchNetwork.ms(median), BenchNetwork.ms(Arrays.stream(agentAll).max().orElse(0)),
                pass ? "PASS" : "FAIL");
        System.out.println("FLEET FAN-OUT " + (pass ? "PASS" : "FAIL"));
    }

    private static void row(String name, long[] samples) {
        System.out.printf(Locale.ROOT, "%-44s %9.1f %9.1f %9.1f%n", name, BenchNetwork.ms(BenchNetwork.percentile(samples, 50)),
                BenchNetwork.ms(Arrays.stream(samples).min().orElse(0)), BenchNetwork.ms(Arrays.stream(samples).max().orElse(0)));
    }

    /** @return {time of the last APPLIED ack, time of the median one} */
    private static long[] agentRound(BenchNetwork.Client operator, BlockingQueue<Arrival> arrivals, byte[] policy,
            String digest, Set<String> waiting, int round) throws Exception {
        int n = waiting.size();
        List<Long> times = new ArrayList<>(n);
        long start = System.nanoTime();
        operator.mqtt().publish("redoubt/v1/fleet/policy", policy, 1, true);
        long deadline = start + ROUND_TIMEOUT.toNanos();
        while (!waiting.isEmpty()) {
            Arrival arrival = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (arrival == null) {
                throw new IllegalStateException((n - waiting.size()) + " of " + n + " APPLIED in round " + (round + 1)
                        + " after " + ROUND_TIMEOUT.toSeconds() + " s; missing e.g. " + waiting.stream().limit(5).toList());
            }
            String device = device(arrival.topic());
            if (!device.startsWith("handset-")) {
                continue;
            }
            JsonObject ack = JsonParser.parseObject(arrival.payload(), JsonLimits.DEFAULT);
            if (!ack.requireString("envelope").equals(digest)) {
                continue;
            }
            if (!ack.requireString("result").equals("APPLIED")) {
                throw new IllegalStateException(device + " answered round " + (round + 1) + " with " + ack);
            }
            if (waiting.remove(device)) {
                times.add(arrival.nanos() - start);
            }
        }
        return new long[] {times.get(n - 1), times.get((n - 1) / 2)};
    }

    /** @return {time until the last subscriber received it, time until the last answer reached the operator} */
    private static long[] rawRound(BenchNetwork.Client operator, BlockingQueue<Arrival> arrivals, RawRound round, int size,
            int n, int index) throws Exception {
        byte[] message = BenchNetwork.padded(round.tag, size);
        Set<String> answered = new LinkedHashSet<>();
        long lastAnswer = 0;
        long start = System.nanoTime();
        operator.mqtt().publish(RAW_TOPIC, message, 1, true);
        long deadline = start + ROUND_TIMEOUT.toNanos();
        while (answered.size() < n) {
            Arrival arrival = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (arrival == null) {
                throw new IllegalStateException(answered.size() + " of " + n + " raw answers in round " + (index + 1));
            }
            String device = device(arrival.topic());
            if (device.startsWith("raw-") && BenchNetwork.tag(arrival.payload()).equals(round.tag) && answered.add(device)) {
                lastAnswer = arrival.nanos();
            }
        }
        long lastReceived = 0;
        for (int i = 0; i < n; i++) {
            long received = round.received.get(i);
            if (received == 0) {
                throw new IllegalStateException("raw subscriber " + i + " answered but did not record round " + (index + 1));
            }
            lastReceived = Math.max(lastReceived, received);
        }
        return new long[] {lastReceived - start, lastAnswer - start};
    }

    private static String device(String topic) {
        // redoubt/v1/devices/<id>/ack
        String rest = topic.substring("redoubt/v1/devices/".length());
        return rest.substring(0, rest.indexOf('/'));
    }
}
