package org.redoubt.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.fleet.cli.Run.fleet;
import static org.redoubt.fleet.cli.Run.ok;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.cli.MqttTestClient.Received;
import org.redoubt.fleet.cli.release.TestBundles;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonParser;

/**
 * Releases over a real Mosquitto on the configuration Redoubt ships, with a PKI the tool made: the
 * chunks and the manifest as a handset (a Paho client with a device certificate) receives them,
 * {@code --wait-ack} against a handset that acks, and the rollout table from handsets' acks.
 */
class ReleaseEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path work;
    private MosquittoProcess broker;
    private String[] operator;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();

    private String p(String name) {
        return work.resolve(name).toString();
    }

    private String[] withOperator(String... args) {
        return Stream.concat(Stream.of(args), Stream.of(operator)).toArray(String[]::new);
    }

    @BeforeEach
    void brokerKeysAndARelease() throws Exception {
        ok("ca", "create", "--name", "Redoubt test fleet CA", "--out", p("pki"));
        ok("cert", "issue-server", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--name", "localhost",
                "--ip", "127.0.0.1", "--days", "1", "--out", p("broker"));
        for (String name : new String[] {"operator-alice", "device-a", "device-b"}) {
            ok("cert", "request", "--name", name, "--out", p("ids"));
            ok("cert", "issue", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--csr",
                    p("ids/" + name + ".csr"), "--days", "1", "--out", p("ids/" + name + ".crt"));
        }
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, work.resolve("pki/ca.crt"),
                work.resolve("broker/localhost.crt"), work.resolve("broker/localhost.key"), work.resolve("data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
        operator = new String[] {"--broker", "ssl://localhost:" + port, "--ca", p("pki/ca.crt"), "--cert",
            p("ids/operator-alice.crt"), "--key", p("ids/operator-alice.key")};

        ok("keys", "generate", "--role", "release", "--suite", "nist", "--out", p("release-key"));
        TestBundles.jar(work.resolve("jars"), "org.redoubt.test.alpha", 150_000);
        TestBundles.jar(work.resolve("jars"), "org.redoubt.test.beta", 1_000);
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private Path release(int number, String... target) throws Exception {
        String key;
        try (Stream<Path> files = Files.list(work.resolve("release-key"))) {
            key = files.filter(f -> f.toString().endsWith(".pem")).findFirst().orElseThrow().toString();
        }
        List<String> args = new ArrayList<>(List.of("release", "build", "--bundles", p("jars"), "--release",
                Integer.toString(number), "--profile", "engineering", "--expires", "1d", "--key", key, "--out",
                p("release-" + number)));
        args.addAll(List.of(target));
        ok(args.toArray(String[]::new));
        return work.resolve("release-" + number);
    }

    private MqttTestClient handset(String device) throws Exception {
        MqttTestClient client = MqttTestClient.connect("ssl://localhost:" + broker.port(), work.resolve("pki/ca.crt"),
                work.resolve("ids/" + device + ".crt"), work.resolve("ids/" + device + ".key"));
        clients.add(client);
        return client;
    }

    private static List<Received> take(MqttTestClient client, int count) throws InterruptedException {
        List<Received> messages = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (messages.size() < count) {
            Received next = client.received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("received " + messages.size() + " of " + count + " messages");
            }
            messages.add(next);
        }
        return messages;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyChunkIsRetainedOnItsBlobTopicAndTheManifestComesLast() throws Exception {
        Path release = release(1, "--device", "device-a");
        byte[] alpha = Files.readAllBytes(work.resolve("jars/org.redoubt.test.alpha.jar"));
        byte[] beta = Files.readAllBytes(work.resolve("jars/org.redoubt.test.beta.jar"));
        int chunks = (alpha.length + 65535) / 65536 + 1;
        assertEquals(3, chunks - 1, "the big jar needs three chunks: " + alpha.length);
        byte[] manifest = Files.readAllBytes(release.resolve("release.dsse"));

        MqttTestClient live = handset("device-a");
        live.subscribe("redoubt/v1/blobs/#");
        live.subscribe("redoubt/v1/devices/device-a/release");
        Run published = ok(withOperator("release", "publish", "--device", "device-a", release.toString()));
        assertTrue(published.out().contains("2 files in " + chunks + " chunks"), published.out());
        List<Received> order = take(live, chunks + 1);
        assertEquals("redoubt/v1/devices/device-a/release", order.get(chunks).topic(), "the manifest comes last");

        MqttTestClient later = handset("device-b"); // another handset, subscribing after the publish
        later.subscribe("redoubt/v1/blobs/#");
        Map<String, Map<Integer, Received>> blobs = new TreeMap<>();
        for (Received chunk : take(later, chunks)) {
            assertTrue(chunk.retained(), chunk.topic() + " is retained");
            assertEquals(1, chunk.qos());
            String[] levels = chunk.topic().split("/");
            assertEquals(5, levels.length, chunk.topic());
            assertEquals("redoubt/v1/blobs", String.join("/", levels[0], levels[1], levels[2]));
            assertTrue(levels[4].matches("0|[1-9][0-9]*"), chunk.topic());
            blobs.computeIfAbsent(levels[3], d -> new TreeMap<>()).put(Integer.parseInt(levels[4]), chunk);
        }
        assertEquals(2, blobs.size());
        for (byte[] jar : List.of(alpha, beta)) {
            Map<Integer, Received> parts = blobs.get(sha256(jar));
            assertEquals((jar.length + 65535) / 65536, parts.size());
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int i = 0; i < parts.size(); i++) {
                byte[] payload = parts.get(i).payload();
                assertEquals(i < parts.size() - 1 ? 65536 : jar.length - 65536 * (parts.size() - 1), payload.length);
                joined.writeBytes(payload);
            }
            assertArrayEquals(jar, joined.toByteArray());
        }

        MqttTestClient device = handset("device-a"); // the broker ends the live session of the same identity
        device.subscribe("redoubt/v1/devices/device-a/release");
        Received retainedManifest = take(device, 1).get(0);
        assertTrue(retainedManifest.retained());
        assertArrayEquals(manifest, retainedManifest.payload());
    }

    /** A handset that acks every manifest it gets with the states its release number is scripted with. */
    private void ackingHandset(Map<Long, List<String>> script) throws Exception {
        MqttTestClient device = handset("device-a");
        device.subscribe("redoubt/v1/devices/device-a/release", (topic, envelope) -> background.submit(() -> {
            long version = JsonParser.parseObject(EnvelopeCodec.decode(envelope, 2 << 20).payload(),
                    JsonLimits.DEFAULT).requireLong("version");
            String common = "\"document\":\"redoubt.release\",\"version\":" + version + ",\"envelope\":\"sha256:"
                    + sha256(envelope) + "\",\"at\":\"2026-12-02T10:00:00Z\"";
            for (String state : script.get(version)) {
                device.publish("redoubt/v1/devices/device-a/ack", "{" + common + "," + state + "}", false);
            }
            return null;
        }));
    }

    @Test
    void waitAckEndsWellOnCommittedAndFailsWithTheReasonOnRollback() throws Exception {
        Path first = release(1, "--device", "device-a");
        Path second = release(2, "--device", "device-a");
        ackingHandset(Map.of(
                1L, List.of("\"result\":\"DOWNLOAD_STARTED\"", "\"result\":\"DOWNLOADING\",\"received\":50,\"total\":100",
                        "\"result\":\"DOWNLOADED\"", "\"result\":\"VERIFIED\"", "\"result\":\"INSTALLING\"",
                        "\"result\":\"TESTING\"", "\"result\":\"COMMITTED\""),
                2L, List.of("\"result\":\"DOWNLOAD_STARTED\"", "\"result\":\"DOWNLOADED\"", "\"result\":\"TESTING\"",
                        "\"result\":\"ROLLED_BACK\",\"reason\":\"HEALTH_CHECK_FAILED\",\"detail\":\"modem not ready\"")));

        Run committed = fleet(withOperator("release", "publish", "--device", "device-a", "--wait-ack", "COMMITTED",
                first.toString()));
        assertEquals(0, committed.exitCode(), committed.toString());
        assertTrue(committed.out().contains("ack: DOWNLOADING release 1 [#####-----] 50%"), committed.out());
        assertTrue(committed.out().contains("ack: COMMITTED release 1"), committed.out());

        Run rolledBack = fleet(withOperator("release", "publish", "--device", "device-a", "--wait-ack", "COMMITTED",
                second.toString()));
        assertEquals(1, rolledBack.exitCode(), rolledBack.toString());
        assertTrue(rolledBack.err().startsWith("fleet: ack: ROLLED_BACK release 2 HEALTH_CHECK_FAILED: modem not ready"),
                rolledBack.err());
        assertFalse(rolledBack.err().contains("\tat "), rolledBack.err());

        Run json = fleet(withOperator("release", "publish", "--json", "--device", "device-a", "--wait-ack", "DOWNLOADED",
                first.toString()));
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(json.out().contains("\"ack\":{\"document\":\"redoubt.release\",\"version\":1"), json.out());
    }

    @Test
    void statusDrawsTheRolloutFromTheHandsetsAcks() throws Exception {
        MqttTestClient a = handset("device-a");
        MqttTestClient b = handset("device-b");
        a.publish("redoubt/v1/devices/device-a/status", "{\"state\":\"ONLINE\",\"device\":\"device-a\",\"release\":1}", true);
        Future<Run> status = background.submit(() -> fleet(withOperator("release", "status", "--release", "2", "--wait",
                "4")));
        String ack = "{\"document\":\"redoubt.release\",\"version\":2,\"envelope\":\"sha256:" + "ab".repeat(32) + "\",";
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Run run = null;
        while (run == null) {
            assertTrue(System.nanoTime() < deadline, "fleet release status did not end");
            a.publish("redoubt/v1/devices/device-a/ack", ack + "\"result\":\"DOWNLOADING\",\"received\":5000,\"total\":10000}",
                    false);
            b.publish("redoubt/v1/devices/device-b/ack", ack + "\"result\":\"ROLLED_BACK\",\"reason\":\"START_FAILED\","
                    + "\"detail\":\"org.redoubt.test.alpha did not start\"}", false);
            a.publish("redoubt/v1/devices/device-a/ack", "{\"document\":\"redoubt.release\",\"version\":1,\"envelope\":"
                    + "\"sha256:00\",\"result\":\"COMMITTED\"}", false); // another release: not in this table
            try {
                run = status.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWatching) {
                // publish again: acks are not retained, the board sees those that arrive while it watches
            }
        }
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(1).matches("device-a\\s+DOWNLOADING\\s+\\[#####-----\\] 50%\\s+2\\s+1\\s+-"), run.out());
        assertTrue(lines.get(2).matches(
                "device-b\\s+ROLLED_BACK\\s+-\\s+2\\s+-\\s+START_FAILED: org.redoubt.test.alpha did not start"), run.out());
    }
}
