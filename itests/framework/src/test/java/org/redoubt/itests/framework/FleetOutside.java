package org.redoubt.itests.framework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.Target;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonParser;
import org.redoubt.runtime.launcher.TestSlots;
import org.redoubt.runtime.release.ReleaseBuilder;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseStamp;
import org.redoubt.runtime.release.ReleaseVerifier;

/**
 * Everything of {@link LiveReleaseDuringCallIT} that is not the handset: the fleet's keys and
 * signed releases, the launcher's real slots over a provisioned data directory, a real Mosquitto on
 * the shipped configuration with an operator publishing as the fleet tool does, and the handset's
 * MQTT session (a Paho client with the device's certificate).
 *
 * <p><b>Loaded by the test JVM's application class loader, never by the probe bundle</b>: the
 * launcher, the crypto provider, Bouncy Castle and Paho are on the class path, outside the
 * framework, as they are beside the real launcher. The launcher's slots types reach the framework
 * through the system bundle ({@code org.redoubt.runtime.slots}); everything else crosses between
 * this class and the probe as JDK types only, through reflection ({@link Outside}), so no crypto or
 * JSON type of a framework bundle meets its class-path twin.
 */
public final class FleetOutside implements AutoCloseable {

    private static final String OPERATOR = "operator-alice";

    private final Path work;
    private final String deviceId;
    private final String hardwareModel;
    private final CryptoProvider provider;
    private final SigningKey releaseKey;
    private final TrustRoot root;
    private final TestSlots slots;
    private final TestPki pki;
    private final MosquittoProcess broker;
    private final MqttClient operator;
    private final MqttClient handset;
    private final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
    private final List<String> refusals = new ArrayList<>();
    private final Path trustRoot;
    private boolean closed;

    /** The fleet of the running test class: made by its configuration, used by its test in the framework. */
    private static FleetOutside current;

    /**
     * Makes the fleet ({@link #FleetOutside}) for a test class whose framework is about to start, and keeps it for
     * the test ({@link #current()}); the broker is stopped when the test closes it, or when the JVM exits.
     */
    public static synchronized FleetOutside start(Path work, String deviceId, String hardwareModel, Map<String, Path> jars)
            throws Exception {
        if (current != null) {
            current.close();
        }
        FleetOutside fleet = new FleetOutside(work, deviceId, hardwareModel, jars);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.close();
            } catch (Exception e) {
                // The JVM is exiting: nothing left to tell.
            }
        }));
        current = fleet;
        return fleet;
    }

    /** @return the fleet {@link #start} made */
    public static synchronized FleetOutside current() {
        if (current == null) {
            throw new IllegalStateException("no fleet: the test class's configuration did not start one");
        }
        return current;
    }

    /**
     * Makes the fleet's root and release key, signs release 1 of {@code jars}, provisions it as
     * the committed release of a data directory in {@code work}, and starts the broker.
     *
     * @param work          an empty directory for this run
     * @param deviceId      the handset's device id (its certificate's common name)
     * @param hardwareModel the handset's hardware model, the releases' target
     * @param jars          release 1: file name to the path of a bundle jar
     */
    public FleetOutside(Path work, String deviceId, String hardwareModel, Map<String, Path> jars) throws Exception {
        this.work = work;
        this.deviceId = deviceId;
        this.hardwareModel = hardwareModel;
        provider = ServiceLoader.load(CryptoProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no crypto provider on the test class path"));
        releaseKey = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        SigningKey rootKey = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        SigningKey otherKey = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            SigningKey key = switch (role) {
                case ROOT -> rootKey;
                case RELEASE -> releaseKey;
                default -> otherKey;
            };
            roles.put(role, new RoleEntry(1, List.of(key.verificationKey())));
        }
        Instant now = Instant.now();
        byte[] document = TrustRootWriter.write(1, now.minusSeconds(60), now.plus(Duration.ofDays(1)), roles);
        root = TrustRoot.parse(document, provider);
        // The handset's one root, as provisioned: the launcher's slots and the policy agent trust the same fleet.
        trustRoot = Files.createDirectories(work.resolve("trust")).resolve("root.json");
        Files.write(trustRoot, EnvelopeCodec.encode(EnvelopeSigner.sign(TrustRoot.PAYLOAD_TYPE, document, List.of(rootKey))));
        Map<String, byte[]> one = new java.util.TreeMap<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            one.put(jar.getKey(), Files.readAllBytes(jar.getValue()));
        }
        slots = TestSlots.provision(work.resolve("data"), release(1, one), root,
                new DeviceIdentity(deviceId, "field", hardwareModel), provider, refusals::add);

        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of(OPERATOR), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
        operator = client(OPERATOR);
        // The array form: Paho 1.2.5's subscribe(String, int, listener) calls itself until the stack overflows.
        operator.subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/" + deviceId + "/ack", 1)},
                new IMqttMessageListener[] {(topic, message) -> acks.add(new String(message.getPayload(),
                        StandardCharsets.UTF_8))});
        handset = client(deviceId);
    }

    private MqttClient client(String name) throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + broker.port(), name, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue(name, false), pki.certificate()).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.connect(options);
        return client;
    }

    private Path release(long number, Map<String, byte[]> jars) throws Exception {
        Path directory = Files.createDirectories(work.resolve("jars-" + number));
        for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
            Files.write(directory.resolve(jar.getKey()), jar.getValue());
        }
        Path output = work.resolve("release-" + number);
        ReleaseStamp stamp = new ReleaseStamp(Instant.now().minusSeconds(5), Instant.now().plusSeconds(3600),
                new Target(Optional.empty(), Optional.empty(), Optional.of(hardwareModel)));
        new ReleaseBuilder(new ReleaseManifestCodec()).build(directory, output, number, "production", Map.of(), stamp,
                List.of(releaseKey));
        return output;
    }

    /** @return the launcher's slots ({@code org.redoubt.runtime.slots.ReleaseSlots}), to register as a service */
    public Object slots() {
        return slots.slots();
    }

    /** @return the signed trust root file, for the framework property {@code redoubt.trust.root} */
    public String trustRoot() {
        return trustRoot.toString();
    }

    /** @return bundles the launcher's resolver hook refused (the hook is not registered in this framework) */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    // ---- the handset's MQTT session, for the probe's FleetChannel ------------------------------------------

    /** @return the handset's device id */
    public String deviceId() {
        return deviceId;
    }

    /**
     * Subscribes the handset's session.
     *
     * @return closes the subscription
     */
    public AutoCloseable subscribe(String topicFilter, BiConsumer<String, byte[]> listener) throws MqttException {
        IMqttMessageListener paho = (topic, message) -> listener.accept(topic, message.getPayload().clone());
        handset.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter, 1)}, new IMqttMessageListener[] {paho});
        return () -> {
            if (handset.isConnected()) {
                handset.unsubscribe(topicFilter);
            }
        };
    }

    /** Publishes on the handset's session. */
    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        handset.publish(topic, new MqttMessage(payload, 1, retained, null));
    }

    /** @return whether the handset's session is up */
    public boolean isConnected() {
        return handset.isConnected();
    }

    // ---- the operator -------------------------------------------------------------------------------------

    /**
     * Signs release {@code number} of the given jars (paths), each re-packed with {@code version} as its
     * Bundle-Version, and publishes it as the fleet tool does: every listed file as retained chunks on its
     * digest's topics, then the signed manifest on the device's release topic.
     *
     * @return the {@code sha256:<hex>} of the published envelope, which its acks name
     */
    public String publishRelease(long number, Map<String, Path> jars, String version) throws Exception {
        Map<String, byte[]> bumped = new java.util.TreeMap<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            bumped.put(jar.getKey(), withVersion(Files.readAllBytes(jar.getValue()), version));
        }
        Path release = release(number, bumped);
        try (var files = Files.list(release.resolve("bundles"))) {
            for (Path file : files.sorted().toList()) {
                publishChunks(Files.readAllBytes(file));
            }
        }
        byte[] envelope = Files.readAllBytes(release.resolve(ReleaseVerifier.MANIFEST));
        operator.publish("redoubt/v1/devices/" + deviceId + "/release", new MqttMessage(envelope, 1, true, null));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
    }

    /** The fleet tool's chunking: 65,536-byte retained chunks on {@code redoubt/v1/blobs/<sha256>/<index>}. */
    private void publishChunks(byte[] content) throws Exception {
        int size = 65_536;
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        for (int index = 0; index * size < content.length; index++) {
            byte[] bytes = Arrays.copyOfRange(content, index * size, Math.min(content.length, (index + 1) * size));
            operator.publish("redoubt/v1/blobs/" + digest + "/" + index, new MqttMessage(bytes, 1, true, null));
        }
    }

    /**
     * The same jar with another Bundle-Version: every entry's bytes as they were, in the same order, the
     * manifest's version line replaced.
     */
    static byte[] withVersion(byte[] jar, String version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jar.length);
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = readAll(in);
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    String manifest = new String(bytes, StandardCharsets.UTF_8);
                    String bumped = manifest.replaceFirst("(?m)^Bundle-Version: [^\\r\\n]+", "Bundle-Version: " + version);
                    replaced = !bumped.equals(manifest);
                    bytes = bumped.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("the jar has no Bundle-Version line to replace");
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /**
     * @return the acks of the envelope, in order, up to and including the first final one
     *         ({@code COMMITTED}, {@code ROLLED_BACK}, {@code REJECTED}, {@code STAGED_FOR_RESTART})
     * @throws AssertionError when no final ack came within the deadline
     */
    public List<String> acksUntilFinal(String envelope, Duration deadline) throws Exception {
        List<String> seen = new ArrayList<>();
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() - end < 0) {
            String ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack == null) {
                continue;
            }
            var json = JsonParser.parseObject(ack.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
            if (!json.requireString("envelope").equals(envelope)) {
                continue;
            }
            seen.add(ack);
            if (List.of("COMMITTED", "ROLLED_BACK", "REJECTED", "STAGED_FOR_RESTART").contains(json.requireString("result"))) {
                return seen;
            }
        }
        throw new AssertionError("no final ack for " + envelope + " within " + deadline.toSeconds() + " s; acks so far "
                + seen);
    }

    /** @return the result of an ack ({@code COMMITTED}, ...) */
    public static String result(String ack) throws Exception {
        return JsonParser.parseObject(ack.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT).requireString("result");
    }

    /** @return the broker's log, for failure messages */
    public String brokerLog() throws IOException {
        return Files.exists(broker.log()) ? Files.readString(broker.log()) : "";
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        for (MqttClient client : new MqttClient[] {operator, handset}) {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
            if (client != null) {
                client.close();
            }
        }
        broker.close();
        slots.close();
    }
}
