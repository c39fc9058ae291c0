package org.redoubt.policy.agent.internal;

// In the agent's package for its package-private classes: see BenchNetwork.

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * Operator publish to the handset's ack "APPLIED", p50 and p99, for a policy signed with the NIST
 * suite (two ECDSA P-256 policy keys, threshold 2) and with the SM suite (two SM2 keys, threshold 2),
 * against the raw MQTT round trip in the same run on the same broker and TLS: the operator publishes
 * a message of the same size, retained at QoS 1 as a policy, to a handset topic on which a plain Paho
 * client with a handset's certificate answers at once, with a message of the ack's size, on its own
 * ack topic. Both series are timed from just before the operator's publish call to the arrival of the
 * answer in the operator's Paho callback.
 *
 * <p>A fourth series is the <em>floor</em>: NIST policies published the same way to another plain
 * client, which answers only after doing the least a handset must do before it may say "applied"
 * ({@link WorkFloor}: check the envelope and its two signatures, force a state record and an audit
 * line). The agent against the floor is the agent's own cost; the floor against the raw round trip
 * is what the work costs on this machine, whatever code does it.
 *
 * <p>The handsets run the real agent ({@link PolicyAgentComponent#create}): the signed-documents
 * pipeline, the schema, the policy file and the floors written with fsync, the ack and the status.
 * Their enforcer only counts: Config Admin is not measured here. Every policy carries a new version,
 * so each one is really applied (the harness checks the count at the end). Rounds rotate the order of
 * the three series.
 *
 * <p>Usage: {@code PolicyLatencyBench --work DIR [--rounds N] [--warmup N] [--broker-option LINE] [--nodelay operator,echo]}
 * (the last two are experiments: a line appended to the rendered broker configuration, TCP_NODELAY
 * on the named bench clients; the agent's own socket is always as the agent makes it)
 */
public final class PolicyLatencyBench {

    private static final String NIST_DEVICE = "handset-nist";
    private static final String SM_DEVICE = "handset-sm";
    /** The raw series' answering client: a handset certificate name, so the shipped ACL applies to it as to a handset. */
    private static final String ECHO_DEVICE = "handset-echo";
    /** The floor series' answering client, also with a handset certificate name. */
    private static final String FLOOR_DEVICE = "handset-floor";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Arrival(String topic, byte[] payload, long nanos) {
    }

    private record Series(String name, String device, byte[][] messages, String[] expected, long[] samples) {
    }

    private PolicyLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 1000;
        int warmup = 500;
        Path work = null;
        List<String> brokerOptions = new ArrayList<>();
        Set<String> noDelay = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--broker-option" -> brokerOptions.add(args[++i]);
                case "--nodelay" -> noDelay.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("usage: PolicyLatencyBench --work DIR [--rounds N] [--warmup N]"
                        + " [--broker-option LINE] [--nodelay operator,echo]");
            }
        }
        if (work == null || rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("usage: PolicyLatencyBench --work DIR [--rounds N] [--warmup N]");
        }
        try (BenchNetwork network = BenchNetwork.start(work, brokerOptions)) {
            System.out.println("broker: mosquitto on the shipped configuration"
                    + (brokerOptions.isEmpty() ? "" : ", plus (experiment) " + brokerOptions)
                    + (noDelay.isEmpty() ? "" : "; TCP_NODELAY (experiment) on " + noDelay));
            run(network, rounds, warmup, noDelay);
        }
    }

    private static void run(BenchNetwork network, int rounds, int warmup, Set<String> noDelay) throws Exception {
        int total = warmup + rounds;
        TestFleet nist = new TestFleet(SignatureScheme.ECDSA_P256_SHA256, 2);
        TestFleet sm = new TestFleet(SignatureScheme.SM2_SM3, 2);
        BenchNetwork.CountingEnforcer nistEnforcer = new BenchNetwork.CountingEnforcer();
        BenchNetwork.CountingEnforcer smEnforcer = new BenchNetwork.CountingEnforcer();
        PolicyAgent nistAgent = network.handset(NIST_DEVICE, nist, nistEnforcer);
        PolicyAgent smAgent = network.handset(SM_DEVICE, sm, smEnforcer);

        // Everything signed before the clock runs: signing is the operator's work, not delivery.
        System.err.println("bench: signing " + 2 * total + " policies ...");
        Series nistSeries = signed("NIST policy (ECDSA P-256, 2 of 2)", nist, NIST_DEVICE, "NIST", total, rounds);
        Series smSeries = signed("SM policy (SM2, 2 of 2)", sm, SM_DEVICE, "SM", total, rounds);
        Series floorSeries = signed("floor: verify + 2 forces, no agent", nist, FLOOR_DEVICE, "NIST", total, rounds);
        byte[][] raw = new byte[total][];
        String[] rawTags = new String[total];
        for (int i = 0; i < total; i++) {
            rawTags[i] = "raw-" + i + "-";
            raw[i] = BenchNetwork.padded(rawTags[i], nistSeries.messages()[i].length);
        }
        Series rawSeries = new Series("raw MQTT round trip", ECHO_DEVICE, raw, rawTags, new long[rounds]);

        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        BenchNetwork.Client operator = network.client(BenchNetwork.OPERATOR, false, noDelay.contains("operator"),
                (client, topic, payload, nanos) -> arrivals.add(new Arrival(topic, payload, nanos)));
        operator.subscribe(BenchNetwork.ACKS);

        // The echo answers with as many bytes as the agent's ack has; set from the first ack seen.
        AtomicInteger answerBytes = new AtomicInteger(200);
        String echoAck = "redoubt/v1/devices/" + ECHO_DEVICE + "/ack";
        BenchNetwork.Client echo = network.client(ECHO_DEVICE, true, noDelay.contains("echo"), (client, topic, payload, nanos) ->
                client.publish(echoAck, BenchNetwork.padded(BenchNetwork.tag(payload), answerBytes.get()), 1, false));
        echo.subscribe("redoubt/v1/devices/" + ECHO_DEVICE + "/policy");

        WorkFloor floor = new WorkFloor(network.work.resolve("floor"), nist.root, FLOOR_DEVICE);
        String floorAck = "redoubt/v1/devices/" + FLOOR_DEVICE + "/ack";
        BenchNetwork.Client floorClient = network.client(FLOOR_DEVICE, true, noDelay.contains("echo"),
                (client, topic, payload, nanos) -> client.publish(floorAck,
                        floor.answer(payload, BenchNetwork.digest(payload), answerBytes.get()), 1, false));
        floorClient.subscribe("redoubt/v1/devices/" + FLOOR_DEVICE + "/policy");

        nistAgent.start();
        smAgent.start();
        Duration online = network.awaitOnline(Set.of(NIST_DEVICE, SM_DEVICE), Duration.ofSeconds(60));
        System.err.printf(Locale.ROOT, "bench: both handsets ONLINE after %.2f s; %d warm-up + %d measured rounds%n",
                online.toMillis() / 1e3, warmup, rounds);

        List<Series> order = new ArrayList<>(List.of(rawSeries, nistSeries, smSeries, floorSeries));
        int ackBytes = 0;
        int trouble = network.connectionTrouble.get();
        for (int i = 0; i < total; i++) {
            for (Series series : order) {
                Arrival answer = roundTrip(operator.mqtt(), arrivals, series, i);
                if ((series == nistSeries || series == smSeries) && ackBytes == 0) {
                    ackBytes = answer.payload().length;
                    answerBytes.set(ackBytes);
                }
                if (i >= warmup) {
                    series.samples()[i - warmup] = answer.nanos();
                }
            }
            order.add(order.remove(0));
            if (i == warmup - 1) {
                System.err.println("bench: warm-up done");
            }
        }
        if (network.connectionTrouble.get() != trouble) {
            throw new IllegalStateException("a handset lost its connection during the run: " + network.troubleLines);
        }
        check(nistEnforcer, total, NIST_DEVICE);
        check(smEnforcer, total, SM_DEVICE);

        System.out.printf(Locale.ROOT, "rounds: %d measured per series (after %d warm-up rounds), series rotated each round%n",
                rounds, warmup);
        System.out.printf(Locale.ROOT, "message: %d B (NIST envelope), %d B (SM envelope), raw %d B; answer: ack %d B, echo %d B%n",
                nistSeries.messages()[0].length, smSeries.messages()[0].length, raw[0].length, ackBytes, answerBytes.get());
        System.out.println("handset state on: " + network.stateFileSystem() + " (policy file and floors forced to disk)");
        System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %9s%n", "series", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (Series series : List.of(rawSeries, nistSeries, smSeries, floorSeries)) {
            long[] s = series.samples();
            System.out.printf(Locale.ROOT, "%-36s %9.3f %9.3f %9.3f %9.3f%n", series.name(),
                    BenchNetwork.ms(BenchNetwork.percentile(s, 50)), BenchNetwork.ms(BenchNetwork.percentile(s, 90)),
                    BenchNetwork.ms(BenchNetwork.percentile(s, 99)), BenchNetwork.ms(Arrays.stream(s).max().orElse(0)));
        }
        double rawP50 = BenchNetwork.percentile(rawSeries.samples(), 50);
        double rawP99 = BenchNetwork.percentile(rawSeries.samples(), 99);
        boolean pass = true;
        for (Series series : List.of(nistSeries, smSeries)) {
            double p50 = BenchNetwork.percentile(series.samples(), 50) / rawP50;
            double p99 = BenchNetwork.percentile(series.samples(), 99) / rawP99;
            boolean ok = p99 <= 2.0;
            pass &= ok;
            System.out.printf(Locale.ROOT, "ratio %-30s p50 %.2fx, p99 %.2fx of raw   goal p99 <= 2x raw: %s%n",
                    series.name(), p50, p99, ok ? "PASS" : "FAIL");
        }
        double floorP50 = BenchNetwork.percentile(floorSeries.samples(), 50);
        double floorP99 = BenchNetwork.percentile(floorSeries.samples(), 99);
        System.out.printf(Locale.ROOT, "floor against raw: p50 %.2fx, p99 %.2fx (the work itself on this machine)%n",
                floorP50 / rawP50, floorP99 / rawP99);
        for (Series series : List.of(nistSeries, smSeries)) {
            System.out.printf(Locale.ROOT, "%-36s against the floor: p50 %.2fx, p99 %.2fx (the agent's own cost)%n",
                    series.name(), BenchNetwork.percentile(series.samples(), 50) / floorP50,
                    BenchNetwork.percentile(series.samples(), 99) / floorP99);
        }
        System.out.println("POLICY LATENCY " + (pass ? "PASS" : "FAIL"));
    }

    private static Series signed(String name, TestFleet fleet, String device, String suite, int total, int rounds)
            throws Exception {
        byte[][] envelopes = new byte[total][];
        String[] digests = new String[total];
        String target = "{\"device\":\"" + device + "\"}";
        for (int i = 0; i < total; i++) {
            envelopes[i] = BenchNetwork.policy(fleet, i + 1, target, BenchNetwork.body(suite));
            digests[i] = BenchNetwork.digest(envelopes[i]);
        }
        return new Series(name, device, envelopes, digests, new long[rounds]);
    }

    /** @return the answer, with {@code nanos} replaced by the round trip */
    private static Arrival roundTrip(MqttAsyncClient operator, BlockingQueue<Arrival> arrivals, Series series, int round)
            throws Exception {
        arrivals.clear();
        String ackTopic = "redoubt/v1/devices/" + series.device() + "/ack";
        byte[] message = series.messages()[round];
        long start = System.nanoTime();
        // Retained at QoS 1, as an operator publishes a policy (fleet CLI; DESIGN.md section 4).
        operator.publish("redoubt/v1/devices/" + series.device() + "/policy", message, 1, true);
        long deadline = start + WAIT.toNanos();
        while (true) {
            Arrival arrival = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (arrival == null) {
                throw new IllegalStateException("no answer from " + series.device() + " in round " + round);
            }
            if (!arrival.topic().equals(ackTopic)) {
                continue;
            }
            if (series.device().equals(ECHO_DEVICE) || series.device().equals(FLOOR_DEVICE)) {
                if (BenchNetwork.tag(arrival.payload()).equals(series.expected()[round])) {
                    return new Arrival(arrival.topic(), arrival.payload(), arrival.nanos() - start);
                }
                continue;
            }
            JsonObject ack = JsonParser.parseObject(arrival.payload(), JsonLimits.DEFAULT);
            if (!ack.requireString("envelope").equals(series.expected()[round])) {
                continue;
            }
            if (!ack.requireString("result").equals("APPLIED")) {
                throw new IllegalStateException(series.device() + " answered round " + round + " with " + ack);
            }
            return new Arrival(arrival.topic(), arrival.payload(), arrival.nanos() - start);
        }
    }

    private static void check(BenchNetwork.CountingEnforcer enforcer, int expected, String device) {
        if (enforcer.applied.get() != expected) {
            throw new IllegalStateException(device + " enforced " + enforcer.applied.get() + " policies, expected " + expected);
        }
    }
}
