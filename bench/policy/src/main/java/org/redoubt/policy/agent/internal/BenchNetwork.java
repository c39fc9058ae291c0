package org.redoubt.policy.agent.internal;

// Why this package: the benchmarks run the real agent (PolicyAgentComponent.create, PolicyAgent,
// Topics) and the agent's own fixtures (TestFleet, TestIdentity from its test jar), all of which are
// package-private in org.redoubt.policy.agent.internal. The agent bundle exports no package and must
// not open one for a benchmark, so the harness lives in the same package on the class path (no
// framework here; split packages are only a problem inside OSGi). Nothing of this ships.

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.osgi.util.converter.Converters;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.policy.Policy;

/**
 * What both policy benchmarks share: a real Mosquitto on the configuration Redoubt ships
 * ({@link BrokerConfiguration}, {@link MosquittoProcess}) with a test PKI made for the run, handsets
 * running the real agent, plain Paho clients with the same mutual TLS, and the statistics.
 */
final class BenchNetwork implements AutoCloseable {

    /** The operator's certificate name; the shipped ACL lets it read and write every Redoubt topic. */
    static final String OPERATOR = "operator-bench";
    /** A second operator that only watches statuses (one certificate name is one session). */
    static final String WATCHER = "operator-watch";
    static final String GROUP = "field";
    static final String ACKS = "redoubt/v1/devices/+/ack";
    static final String STATUSES = "redoubt/v1/devices/+/status";

    final Path work;
    final TestPki pki;
    final int port;
    final Path ca;
    private final MosquittoProcess broker;
    private final List<AutoCloseable> closing = Collections.synchronizedList(new ArrayList<>());
    private final org.redoubt.audit.internal.BenchAuditLogs auditLogs = new org.redoubt.audit.internal.BenchAuditLogs(
            TestFleet.PROVIDER, TestFleet.PROVIDER.generateSigningKey(org.redoubt.crypto.api.SignatureScheme.ECDSA_P256_SHA256,
                    org.redoubt.crypto.api.DistinguishingId.NONE), line -> this.troubleLines.add("audit: " + line));
    /** Connection trouble reported by any agent's journal: a reconnect during a measurement spoils it. */
    final AtomicInteger connectionTrouble = new AtomicInteger();
    final List<String> troubleLines = Collections.synchronizedList(new ArrayList<>());

    private BenchNetwork(Path work, TestPki pki, int port, Path ca, MosquittoProcess broker) {
        this.work = work;
        this.pki = pki;
        this.port = port;
        this.ca = ca;
        this.broker = broker;
    }

    /**
     * Starts Mosquitto on the shipped configuration, on a free loopback port, data under {@code work}.
     *
     * @param extra lines appended to the rendered configuration (an experiment such as
     *              {@code set_tcp_nodelay true}; empty: exactly what Redoubt ships)
     */
    static BenchNetwork start(Path work, List<String> extra) throws Exception {
        Files.createDirectories(work);
        TestPki pki = new TestPki("Redoubt bench fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        int port = MosquittoProcess.freePort();
        Path ca = TestPki.pem(work.resolve("ca.pem"), pki.certificate());
        Path configuration = new BrokerConfiguration("127.0.0.1", port, ca,
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of(OPERATOR, WATCHER), System.getProperty("user.name")).write(work.resolve("broker"));
        if (!extra.isEmpty()) {
            Files.writeString(configuration, "\n# bench experiment, not shipped:\n" + String.join("\n", extra) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        MosquittoProcess broker = MosquittoProcess.start(configuration, port, work.resolve("mosquitto.log"));
        return new BenchNetwork(work, pki, port, ca, broker);
    }

    String uri() {
        return "ssl://localhost:" + port;
    }

    /** An enforcer that only counts: Config Admin is not what these benchmarks measure. */
    static final class CountingEnforcer implements Enforcer {
        final AtomicInteger applied = new AtomicInteger();
        volatile Policy last;

        @Override
        public void enforce(Policy policy, boolean stale) {
            last = policy;
            applied.incrementAndGet();
        }
    }

    /**
     * A handset: its own data directory (trust root, broker CA, device certificate), a P-256 identity
     * key with a certificate whose common name is the device id, and the real agent from
     * {@link PolicyAgentComponent#create}, not started.
     */
    PolicyAgent handset(String deviceId, TestFleet fleet, Enforcer enforcer) throws Exception {
        Path data = work.resolve("handsets").resolve(deviceId);
        Files.createDirectories(data.resolve("trust"));
        Files.createDirectories(data.resolve("keys"));
        Files.write(data.resolve("trust/root.json"), fleet.rootEnvelope);
        Files.copy(ca, data.resolve("trust/broker-ca.pem"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        TestPki.pem(data.resolve("keys/device.crt"), pki.issue(deviceId, keys.getPublic()));
        PolicyAgentComponent.Config config = Converters.standardConverter()
                .convert(Map.of("brokerUri", uri(), "maxReconnectSeconds", 2))
                .to(PolicyAgentComponent.Config.class);
        Map<String, String> properties = Map.of("redoubt.data.dir", data.toString(), "redoubt.device.id", deviceId,
                "redoubt.device.group", GROUP, "redoubt.device.model", "rdt-1");
        // The real audit log: each decision is forced to it before the ack goes out, as on a handset.
        org.redoubt.audit.AuditRecorder audit = new org.redoubt.audit.AuditRecorder(line -> journal(deviceId, line));
        audit.bind(auditLogs.open(data.resolve("audit"), deviceId));
        PolicyAgent agent = PolicyAgentComponent.create(properties::get, config, TestFleet.PROVIDER,
                new TestIdentity(deviceId, keys), enforcer, action -> { }, directory -> StatusFacts.NONE,
                line -> journal(deviceId, line), () -> { }, audit);
        closing.add(agent);
        return agent;
    }

    private void journal(String deviceId, String line) {
        if (line.startsWith("cannot reach") || line.startsWith("connection lost") || line.startsWith("MQTT error")
                || line.contains("failed")) {
            connectionTrouble.incrementAndGet();
            if (troubleLines.size() < 5) {
                troubleLines.add(deviceId + ": " + line);
            }
        }
    }

    /** Receives messages; the arrival time is taken first thing in Paho's callback. */
    @FunctionalInterface
    interface Receiver {
        void arrived(MqttAsyncClient client, String topic, byte[] payload, long nanos) throws Exception;
    }

    /**
     * A plain Paho v5 client with the same mutual TLS 1.3 as the agent's (P-256 certificate from the
     * same CA, hostname verification on), connecting in the background.
     *
     * @return the client and the token of its connection
     */
    Client client(String name, boolean persistentSession, Receiver receiver) throws Exception {
        return client(name, persistentSession, false, receiver);
    }

    /** @param noDelay TCP_NODELAY on this client's socket (an experiment; Paho and the agent never set it) */
    Client client(String name, boolean persistentSession, boolean noDelay, Receiver receiver) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri(), name, new MemoryPersistence());
        closing.add(() -> {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(1_000);
            }
            client.close(true);
        });
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                long now = System.nanoTime();
                receiver.arrived(client, topic, message.getPayload(), now);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                System.err.println("bench: " + name + " disconnected: " + response.getReasonString());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                System.err.println("bench: " + name + ": " + exception.getMessage());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        javax.net.ssl.SSLSocketFactory sockets = TestPki.clientContext(pki.issue(name, false), pki.certificate())
                .getSocketFactory();
        options.setSocketFactory(noDelay ? new HandsetSockets(sockets) : sockets);
        options.setHttpsHostnameVerificationEnabled(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(60);
        options.setKeepAliveInterval(60);
        if (persistentSession) {
            // As the agent's session: clean start off, long expiry.
            options.setCleanStart(false);
            options.setSessionExpiryInterval(30L * 24 * 3600);
        }
        return new Client(client, client.connect(options));
    }

    record Client(MqttAsyncClient mqtt, IMqttToken connecting) {
        void subscribe(String... topics) throws MqttException {
            connecting.waitForCompletion(120_000);
            mqtt.subscribe(Arrays.stream(topics).map(topic -> new MqttSubscription(topic, 1))
                    .toArray(MqttSubscription[]::new)).waitForCompletion(60_000);
        }
    }

    /**
     * Waits until every one of {@code devices} has published a retained status {@code ONLINE} (the
     * agent does so once connected and subscribed), read by a separate operator connection that is
     * closed afterwards so that statuses do not share the measured operator's connection.
     *
     * @return how long it took from the call
     */
    Duration awaitOnline(Set<String> devices, Duration timeout) throws Exception {
        long start = System.nanoTime();
        Set<String> online = ConcurrentHashMap.newKeySet();
        Client watcher = client(WATCHER, false, (client, topic, payload, nanos) -> {
            JsonObject status = JsonParser.parseObject(payload, JsonLimits.DEFAULT);
            if (status.requireString("state").equals("ONLINE")) {
                online.add(status.requireString("device"));
            }
        });
        watcher.subscribe(STATUSES);
        long deadline = start + timeout.toNanos();
        int last = -1;
        long lastReport = 0;
        while (!online.containsAll(devices)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(online.size() + " of " + devices.size() + " handsets ONLINE after "
                        + timeout.toSeconds() + " s; agents said " + troubleLines);
            }
            if (online.size() != last && System.nanoTime() - lastReport > 2_000_000_000L) {
                last = online.size();
                lastReport = System.nanoTime();
                System.err.printf(Locale.ROOT, "bench: %d of %d handsets ONLINE after %.1f s%n", last, devices.size(),
                        (System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(20);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        watcher.mqtt().disconnect().waitForCompletion(5_000);
        watcher.mqtt().close(true);
        return took;
    }

    /** @return a policy body like a real one: radios, PIN rules, idle lock, call and SMS rules, the suite */
    static String body(String suite) {
        return "{\"radios\":{\"bluetooth\":\"DISABLED\",\"wifi\":\"DISABLED\",\"nfc\":\"DISABLED\",\"usbData\":\"DISABLED\"},"
                + "\"password\":{\"minLength\":6,\"quality\":\"NUMERIC_COMPLEX\",\"maxFailedForWipe\":10},"
                + "\"lock\":{\"maxInactivity\":\"PT2M\"},"
                + "\"calls\":{\"outgoing\":{\"mode\":\"ALLOWLIST\",\"patterns\":[\"+4930*\",\"+8610*\"]},"
                + "\"incoming\":{\"mode\":\"DENYLIST\",\"patterns\":[\"+1900*\"]}},"
                + "\"sms\":{\"outgoing\":{\"mode\":\"ALLOWLIST\",\"patterns\":[\"110\",\"+4930*\"]}},"
                + "\"crypto\":{\"suite\":\"" + suite + "\"},\"onStale\":\"RESTRICT\"}";
    }

    /**
     * @return a policy signed by the fleet's two policy keys (the test fleet's threshold is 2 when
     *         asked, so both signatures are verified), issued a minute ago and valid for 30 days
     */
    static byte[] policy(TestFleet fleet, long version, String target, String body) {
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        return TestFleet.sign(TestFleet.document(version, target, body, issued, issued.plus(Duration.ofDays(30))),
                fleet.policyKey, fleet.secondPolicyKey);
    }

    /** @return what the agent puts in the ack's {@code envelope} field for these bytes */
    static String digest(byte[] envelope) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
    }

    /** @return {@code size} bytes starting with {@code tag}, the rest filler: a plain message of a given size */
    static byte[] padded(String tag, int size) {
        byte[] message = new byte[Math.max(size, tag.length())];
        Arrays.fill(message, (byte) 'x');
        byte[] head = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, message, 0, head.length);
        return message;
    }

    /** @return the tag of a {@link #padded} message: everything up to the first 'x' */
    static String tag(byte[] message) {
        int end = 0;
        while (end < message.length && message[end] != 'x') {
            end++;
        }
        return new String(message, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Nearest-rank percentile, as the other benchmarks here. */
    static long percentile(long[] samples, double percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** @return the file system the handsets' state is forced to (fsync cost depends on it) */
    String stateFileSystem() {
        try {
            return Files.getFileStore(work).toString();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> reversed = new ArrayList<>(closing);
        Collections.reverse(reversed);
        for (AutoCloseable each : reversed) {
            try {
                each.close();
            } catch (Exception e) {
                // shutting down; nothing to measure any more
            }
        }
        auditLogs.close();
        broker.close();
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
