package org.redoubt.release.agent.internal;

// Why this package: the benchmarks run the real release agent (ReleaseAgent, LiveRelease, BlobFetch,
// HealthWindow, EchoProbe) and its own fixtures (HandsetFramework, TestReleases, ActivatorBundles
// from its test jar), all package-private in org.redoubt.release.agent.internal. The
// agent bundle exports nothing and must not open a package for a benchmark, so the harness lives in
// the same package on the class path (no framework around the harness itself). Nothing of this ships.

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.health.api.HealthCheck;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * What both release benchmarks share: a real Mosquitto on the configuration Redoubt ships with a test
 * PKI made for the run; a handset, i.e. a real Felix running release 1 with the launcher's real slots
 * and resolver hook ({@link HandsetFramework}) and the real agent wired as {@code ReleaseAgentComponent}
 * wires it, with the component's default limits; an operator that publishes as the fleet tool does
 * (every chunk retained at QoS 1, one at a time, waiting for its PUBACK, then the manifest) and records
 * when each ack arrives; the statistics.
 */
final class BenchHandset implements AutoCloseable {

    static final String OPERATOR = "operator-bench";
    static final String DEVICE = TestReleases.DEVICE.deviceId();
    static final Duration WAIT = Duration.ofSeconds(120);

    /** An ack as it arrived at the operator (json: the agent's only): the time is taken first thing in Paho's callback. */
    record Ack(String topic, JsonObject json, byte[] payload, long nanos) {
    }

    final Path work;
    final TestPki pki;
    final int port;
    final TestReleases releases;
    final HandsetFramework handset;
    final MqttAsyncClient operator;
    final BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();
    private final MosquittoProcess broker;
    private final MqttClient handsetClient;
    private final ReleaseAgent agent;
    private final List<AutoCloseable> closing = Collections.synchronizedList(new ArrayList<>());

    /**
     * Starts the broker, boots the handset on {@code releaseOne}'s jars and starts its agent.
     *
     * @param work       the work directory (created)
     * @param releaseOne the jars of release 1, by file name
     */
    BenchHandset(Path work, Map<String, byte[]> releaseOne) throws Exception {
        this.work = Files.createDirectories(work);
        pki = new TestPki("Redoubt bench fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        port = MosquittoProcess.freePort();
        Path configuration = new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of(OPERATOR), System.getProperty("user.name")).write(work.resolve("broker"));
        broker = MosquittoProcess.start(configuration, port, work.resolve("mosquitto.log"));
        releases = new TestReleases(Files.createDirectories(work.resolve("releases")));
        handset = new HandsetFramework(Files.createDirectories(work.resolve("handset")), releases.release(1, releaseOne),
                releases);
        closing.add(handset);
        // Only the agent's acks are JSON; a plain subscriber's answers are kept as bytes.
        operator = asyncClient(OPERATOR, (topic, payload, nanos) -> acks.add(new Ack(topic,
                topic.equals("redoubt/v1/devices/" + DEVICE + "/ack") ? JsonParser.parseObject(payload, JsonLimits.DEFAULT)
                        : null, payload, nanos)));
        operator.subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/+/ack", 1)})
                .waitForCompletion(30_000);

        // The handset's session: in production the policy agent's (clean start off, TCP_NODELAY).
        handsetClient = new MqttClient(uri(), DEVICE, new MemoryPersistence());
        PahoTestChannel channel = new PahoTestChannel(handsetClient, DEVICE);
        handsetClient.setCallback(channel.callback(problem -> System.err.println("bench: " + problem)));
        handsetClient.connect(options(DEVICE));
        closing.add(() -> {
            if (handsetClient.isConnected()) {
                handsetClient.disconnect();
            }
            handsetClient.close();
        });
        // As ReleaseAgentComponent.create with the component's defaults: refresh timeout 60 s, health
        // window 30 s looked at every 100 ms, echo timeout 10 s, transfer deadline 900 s, at least 2,048 B/s
        // over 30 s. Readiness is HandsetFramework's stand-in for the health bundle: every release bundle active.
        Path state = work.resolve("handset/data/state/release");
        BundleSetConverger converger = new BundleSetConverger(handset.framework.getBundleContext(), Duration.ofSeconds(60),
                handset.said::add);
        HealthWindow health = new HealthWindow(() -> Optional.of(handset.readiness()), this::checks,
                List.of(new EchoProbe(channel, Duration.ofSeconds(10))), Duration.ofSeconds(30), Duration.ofMillis(100),
                HealthWindow.Ticker.SYSTEM);
        LiveRelease live = new LiveRelease(handset.slots.slots(), converger, health,
                new InstallJournal(state.resolve("journal"), Clock.systemUTC()), "org.redoubt.release.agent");
        BlobFetch fetch = new BlobFetch(channel, state.resolve("blobs"),
                new BlobFetch.Limits(Duration.ofSeconds(900), 2048, Duration.ofSeconds(30)), System::nanoTime);
        agent = new ReleaseAgent(channel, handset.slots.slots(), live, fetch, new LastRelease(state.resolve("last.json")),
                state.resolve("work"), Clock.systemUTC(), handset.said::add, java.util.List::of,
                new ReleaseAuditTrail(new org.redoubt.audit.AuditRecorder(line -> { })));
        closing.add(agent);
        agent.start();
    }

    private Map<String, HealthCheck> checks() {
        BundleContext context = handset.framework.getBundleContext();
        Map<String, HealthCheck> checks = new TreeMap<>();
        try {
            for (ServiceReference<HealthCheck> reference : context.getServiceReferences(HealthCheck.class, null)) {
                checks.put(String.valueOf(reference.getProperty(HealthCheck.NAME_PROPERTY)), context.getService(reference));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return checks;
    }

    String uri() {
        return "ssl://localhost:" + port;
    }

    /** Mutual TLS with a certificate of this name from the run's CA, hostname verification, TCP_NODELAY. */
    MqttConnectionOptions options(String name) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new NoDelaySockets(
                TestPki.clientContext(pki.issue(name, false), pki.certificate()).getSocketFactory()));
        options.setHttpsHostnameVerificationEnabled(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(60);
        options.setKeepAliveInterval(60);
        return options;
    }

    /** Receives messages; the arrival time is taken first thing in Paho's callback. */
    @FunctionalInterface
    interface Receiver {
        void arrived(String topic, byte[] payload, long nanos) throws Exception;
    }

    /** @return a connected plain Paho v5 client */
    MqttAsyncClient asyncClient(String name, Receiver receiver) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri(), name, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                long now = System.nanoTime();
                receiver.arrived(topic, message.getPayload(), now);
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
        client.connect(options(name)).waitForCompletion(60_000);
        closing.add(() -> {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(1_000);
            }
            client.close(true);
        });
        return client;
    }

    /** Publishes {@code content} as retained chunks on its digest's blob topics, one at a time as the fleet tool. */
    void publishChunks(byte[] content) throws Exception {
        String digest = sha256(content);
        int chunks = (content.length + BlobSpec.CHUNK_SIZE - 1) / BlobSpec.CHUNK_SIZE;
        for (int index = 0; index < chunks; index++) {
            byte[] bytes = Arrays.copyOfRange(content, index * BlobSpec.CHUNK_SIZE,
                    Math.min(content.length, (index + 1) * BlobSpec.CHUNK_SIZE));
            operator.publish(BlobSpec.TOPIC_PREFIX + digest + "/" + index, bytes, 1, true).waitForCompletion(30_000);
        }
    }

    /** Publishes a signed manifest to this handset, retained as the fleet tool does for one device. */
    void publishManifest(byte[] envelope) throws Exception {
        operator.publish("redoubt/v1/devices/" + DEVICE + "/release", envelope, 1, true).waitForCompletion(30_000);
    }

    /** @return the bundle files and the signed manifest of a release directory, read before the clock runs */
    static Map<String, byte[]> read(Path release) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var listing = Files.list(release.resolve("bundles"))) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static byte[] envelope(Path release) throws IOException {
        return Files.readAllBytes(release.resolve(org.redoubt.runtime.release.ReleaseVerifier.MANIFEST));
    }

    /**
     * @return the time each state's first ack for {@code envelope} arrived at the operator, by state,
     *         up to and including a final one
     */
    Map<String, Long> acksUntilFinal(byte[] envelope) throws Exception {
        String digest = "sha256:" + sha256(envelope);
        Map<String, Long> seen = new java.util.LinkedHashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Ack ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack == null || !ack.topic().equals("redoubt/v1/devices/" + DEVICE + "/ack")
                    || !ack.json().requireString("envelope").equals(digest)) {
                continue;
            }
            String result = ack.json().requireString("result");
            seen.putIfAbsent(result, ack.nanos());
            if (ReleaseProgress.valueOf(result).isFinal()) {
                if (!result.equals("COMMITTED")) {
                    throw new IllegalStateException("release ended " + ack.json() + "; agent said " + handset.said);
                }
                return seen;
            }
        }
        throw new IllegalStateException("no final ack for " + digest + " within " + WAIT.toSeconds() + " s; acks " + seen
                + "; agent said " + handset.said);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** @return {@code size} bytes starting with {@code tag}, the rest filler: a plain message of a given size */
    static byte[] padded(String tag, int size) {
        byte[] message = new byte[Math.max(size, tag.length())];
        Arrays.fill(message, (byte) 'x');
        byte[] head = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, message, 0, head.length);
        return message;
    }

    /** Nearest-rank percentile, as the other benchmarks here. */
    static long percentile(long[] samples, double percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static long min(long[] samples) {
        return Arrays.stream(samples).min().orElse(0);
    }

    static long max(long[] samples) {
        return Arrays.stream(samples).max().orElse(0);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** @return the file system the handset's slots and staging are forced to (fsync cost depends on it) */
    String stateFileSystem() {
        try {
            return Files.getFileStore(work).toString() + " (" + Files.getFileStore(work).type() + ")";
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
        broker.close();
    }

    /**
     * TLS sockets with TCP_NODELAY, as the handset's session (the policy agent's sockets) and the
     * shipped broker configuration ({@code set_tcp_nodelay true}) have it: without it a small write
     * after an unacknowledged one waits for the peer's delayed ACK (~40 ms).
     */
    static final class NoDelaySockets extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        NoDelaySockets(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket noDelay(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            noDelay(socket);
            return noDelay(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(delegate.createSocket(address, port, local, localPort));
        }
    }
}
