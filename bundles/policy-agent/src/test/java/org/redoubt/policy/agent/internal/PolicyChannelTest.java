package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.redoubt.audit.testing.MemoryAuditLog;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.policy.Policy;
import org.redoubt.policy.Radio;

/**
 * The agent against a real Mosquitto on the shipped configuration: mutual TLS with the handset's
 * certificate, policies published by an operator, acks and the retained status read back by the
 * operator, and the attacks that cross MQTT (SECURITY.md rows 2, 4, 5, 8, 9, 11, 13) refused with
 * their reason code while the policy in force stays.
 */
class PolicyChannelTest {

    private static final String DEVICE = "handset-a";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private TestPki pki;
    private JsonObject firstStatus;
    private Path brokerConfiguration;
    private int port;
    private MosquittoProcess broker;
    private TestFleet fleet;
    private RecordingEnforcer enforcer;
    private PolicyAgent agent;
    private MqttClient operator;
    private final BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonObject> statuses = new LinkedBlockingQueue<>();
    private final List<org.redoubt.policy.Command.Action> carriedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final MemoryAuditLog audited = new MemoryAuditLog();
    private final org.redoubt.audit.AuditRecorder audit = new org.redoubt.audit.AuditRecorder(journal::add);

    @BeforeEach
    void fleetAndHandset() throws Exception {
        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        port = MosquittoProcess.freePort();
        Path ca = TestPki.pem(work.resolve("ca.pem"), pki.certificate());
        brokerConfiguration = new BrokerConfiguration("127.0.0.1", port, ca,
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of("operator-alice", "operator-bob"), System.getProperty("user.name")).write(work.resolve("broker"));
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));
        fleet = new TestFleet(SignatureScheme.ECDSA_P256_SHA256, 2);
        enforcer = new RecordingEnforcer();
        audit.bind(audited);
        agent = handset(DEVICE);
        agent.start();
        operator = operator();
        firstStatus = awaitStatus("NONE");
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (operator != null && operator.isConnected()) {
            operator.disconnect();
        }
        if (operator != null) {
            operator.close();
        }
        broker.close();
    }

    private PolicyAgent handset(String deviceId) throws Exception {
        return handset(deviceId, journal);
    }

    private PolicyAgent handset(String deviceId, List<String> said) throws Exception {
        KeyPair keys = provision(deviceId);
        return AgentProcess.agent(work.resolve(deviceId), deviceId, keys, "ssl://localhost:" + port, enforcer,
                carriedOut::add, said::add, changes::incrementAndGet, audit);
    }

    /** A handset's data directory: the root, the broker CA, its certificate and (for a child JVM) its key. */
    private KeyPair provision(String deviceId) throws Exception {
        return AgentProcess.provision(work.resolve(deviceId), deviceId, pki, fleet.rootEnvelope, work.resolve("ca.pem"));
    }

    private MqttClient operator() throws Exception {
        return client("operator-alice", List.of("redoubt/v1/devices/" + DEVICE + "/ack", "redoubt/v1/devices/" + DEVICE + "/status"));
    }

    private MqttClient client(String name, List<String> subscriptions) throws Exception {
        return client(name, subscriptions, pki.certificate());
    }

    private MqttClient client(String name, List<String> subscriptions, java.security.cert.X509Certificate brokerCa)
            throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + port, name, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue(name, false), brokerCa).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                JsonObject json = JsonParser.parseObject(message.getPayload(), JsonLimits.DEFAULT);
                (topic.endsWith("/ack") ? acks : statuses).add(json);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
            }
        });
        client.connect(options);
        if (!subscriptions.isEmpty()) {
            client.subscribe(subscriptions.stream().map(topic -> new MqttSubscription(topic, 1)).toArray(MqttSubscription[]::new));
        }
        return client;
    }

    private void publish(MqttClient client, String topic, byte[] envelope) throws MqttException {
        client.publish(topic, envelope, 1, true);
    }

    private JsonObject ackFor(byte[] envelope) throws Exception {
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack != null && ack.requireString("envelope").equals(digest)) {
                return ack;
            }
        }
        throw new AssertionError("no ack for " + digest + "; agent said " + journal);
    }

    private JsonObject awaitStatus(String policyState) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = statuses.poll(100, TimeUnit.MILLISECONDS);
            if (status != null && status.requireString("state").equals("ONLINE")
                    && status.requireObject("policy").requireString("state").equals(policyState)) {
                return status;
            }
        }
        throw new AssertionError("no status with policy " + policyState + "; agent said " + journal);
    }

    private void rejected(byte[] envelope, String topic, String reason) throws Exception {
        int calls = enforcer.calls.size();
        publish(operator, topic, envelope);
        JsonObject ack = ackFor(envelope);
        assertEquals("REJECTED", ack.requireString("result"), ack.toString());
        assertEquals(reason, ack.requireString("reason"), ack.toString());
        assertEquals(calls, enforcer.calls.size(), "nothing was enforced");
        assertAudited(ack, "REJECTED");
    }

    /** The decision an ack tells was in the audit log before the ack went out, with its reason. */
    private void assertAudited(JsonObject ack, String outcome) throws Exception {
        org.redoubt.audit.AuditEvent event = audited.forEnvelope(ack.requireString("envelope"))
                .orElseThrow(() -> new AssertionError("no audit entry for " + ack));
        String document = ack.requireString("document");
        String kind = document.substring(document.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT);
        Map<String, String> done = Map.of("POLICY", "POLICY_APPLIED", "COMMAND", "COMMAND_EXECUTED", "ROOT",
                "ROOT_ROTATED");
        assertEquals(outcome.equals("REJECTED") ? kind + "_REJECTED" : done.get(kind), event.kind().name(), ack.toString());
        assertEquals(outcome.equals("REJECTED") ? ack.requireString("reason") : "", event.reason(), ack.toString());
    }

    private String deviceTopic() {
        return "redoubt/v1/devices/" + DEVICE + "/policy";
    }

    @Test
    void anOperatorsPolicyIsAppliedAcknowledgedAndReported() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, "{\"radios\":{\"bluetooth\":\"DISABLED\"}}");

        publish(operator, deviceTopic(), v1);

        JsonObject ack = ackFor(v1);
        assertEquals("APPLIED", ack.requireString("result"));
        assertEquals(1, ack.requireLong("version"));
        assertAudited(ack, "APPLIED");
        assertEquals(Policy.Permission.DISABLED, enforcer.last().radios().get(Radio.BLUETOOTH));
        JsonObject status = awaitStatus("CURRENT");
        assertEquals(1, status.requireObject("policy").requireLong("version"));
        assertTrue(status.requireBoolean("compliant"));
        org.redoubt.policy.PolicyState state = agent.state().orElseThrow();
        assertEquals(1, state.version());
        assertTrue(state.compliant() && !state.stale());
        assertEquals(Policy.Permission.DISABLED, state.policy().radios().get(Radio.BLUETOOTH));
        assertTrue(changes.get() >= 2, "announced at start and after the policy: " + changes.get());
    }

    @Test
    void everyAttackOverMqttIsRefusedWithItsReasonAndThePolicyStays() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, "{\"radios\":{\"bluetooth\":\"DISABLED\"}}");
        byte[] v2 = fleet.policy(2, DEVICE, "{\"radios\":{\"nfc\":\"DISABLED\"}}");
        publish(operator, deviceTopic(), v1);
        assertEquals("APPLIED", ackFor(v1).requireString("result"));
        publish(operator, deviceTopic(), v2);
        assertEquals("APPLIED", ackFor(v2).requireString("result"));

        // 2 rollback: the older signed policy replayed
        rejected(v1, deviceTopic(), "ROLLBACK");
        // 8 wrong target: signed for another handset, published to everyone
        rejected(fleet.policy(3, "handset-b", "{}"), Topics.FLEET_POLICY, "WRONG_TARGET");
        // 9 threshold: one of the two policy keys only
        rejected(TestFleet.sign(TestFleet.document(3, "{\"device\":\"" + DEVICE + "\"}", "{}", TestFleet.NOW,
                TestFleet.NOW.plus(Duration.ofDays(1))), fleet.policyKey), deviceTopic(), "THRESHOLD_NOT_MET");
        // 4 freeze: an expired policy for the handset's group
        rejected(TestFleet.sign(TestFleet.document(1, "{\"group\":\"field\"}", "{}", TestFleet.NOW.minus(Duration.ofDays(9)),
                TestFleet.NOW.minus(Duration.ofDays(8))), fleet.policyKey, fleet.secondPolicyKey), Topics.FLEET_POLICY, "EXPIRED");
        // 5 endless data: over the handset's cap (the broker's packet cap is larger)
        byte[] huge = new byte[20_000];
        java.util.Arrays.fill(huge, (byte) '{');
        rejected(huge, deviceTopic(), "TOO_LARGE");
        // 13 malformed input
        rejected("{\"payloadType\":\"application/vnd.redoubt.policy+json\",\"payload\":\"!\",\"signatures\":[]}"
                .getBytes(StandardCharsets.UTF_8), deviceTopic(), "MALFORMED_ENVELOPE");
        rejected(fleet.policy(3, DEVICE, "{\"camera\":\"DISABLED\"}"), deviceTopic(), "UNKNOWN_FIELD");

        assertEquals(2, enforcer.calls.size());
        assertEquals(Policy.Permission.DISABLED, enforcer.last().radios().get(Radio.NFC));
    }

    @Test
    void anotherHandsetCannotPublishAPolicyToThisOne() throws Exception {
        MqttClient intruder = client("handset-b", List.of());
        try {
            byte[] forged = fleet.policy(1, DEVICE, "{\"radios\":{\"bluetooth\":\"ALLOWED\"}}");
            publish(intruder, deviceTopic(), forged);
            // The broker refuses it (PUBACK 135, which Paho 1.2.5 does not surface): the handset never
            // sees it. The operator's next policy is the first thing it acknowledges.
            byte[] legit = fleet.policy(1, DEVICE, "{\"radios\":{\"nfc\":\"DISABLED\"}}");
            publish(operator, deviceTopic(), legit);
            JsonObject ack = acks.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(ack, "no ack at all; agent said " + journal);
            assertEquals(ackDigest(legit), ack.requireString("envelope"), "the forged publish reached the handset");
            assertEquals(1, enforcer.calls.size());
        } finally {
            intruder.disconnect();
            intruder.close();
        }
    }

    @Test
    void aBrokerRestartInTheMiddleOfAPolicyChangeConvergesAndAppliesItOnce() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, "{\"radios\":{\"bluetooth\":\"DISABLED\"}}");
        publish(operator, deviceTopic(), v1);
        assertEquals("APPLIED", ackFor(v1).requireString("result"));
        operator.disconnect();
        operator.close();

        broker.close();
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));
        operator = operator();
        byte[] v2 = fleet.policy(2, DEVICE, "{\"radios\":{\"nfc\":\"DISABLED\"}}");
        publish(operator, deviceTopic(), v2);
        assertEquals("APPLIED", ackFor(v2).requireString("result"));
        awaitStatus("CURRENT");

        // Once more, with the new policy retained: the handset resumes its session and does not apply it again.
        broker.close();
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));
        operator = operator();
        awaitStatus("CURRENT");
        long v2Applications = enforcer.calls.stream()
                .filter(call -> call.policy().radios().get(Radio.NFC) == Policy.Permission.DISABLED).count();
        assertEquals(1, v2Applications, "v2 applied exactly once; agent said " + journal);
        assertEquals(2, enforcer.calls.size());
    }

    @Test
    void aHandsetWithoutItsBrokerStillEnforcesItsStoredPolicy() throws Exception {
        byte[] v1 = fleet.policy(1, DEVICE, "{\"radios\":{\"bluetooth\":\"DISABLED\"}}");
        publish(operator, deviceTopic(), v1);
        assertEquals("APPLIED", ackFor(v1).requireString("result"));
        agent.close();
        broker.close();
        enforcer.calls.clear();

        PolicyAgentComponent.Config offline = Converters.standardConverter().convert(Map.of("brokerUri", ""))
                .to(PolicyAgentComponent.Config.class);
        Path data = work.resolve(DEVICE);
        Map<String, String> properties = Map.of("redoubt.data.dir", data.toString(), "redoubt.device.id", DEVICE,
                "redoubt.device.group", "field", "redoubt.device.model", "rdt-1");
        agent = PolicyAgentComponent.create(properties::get, offline, TestFleet.PROVIDER, null, enforcer, carriedOut::add,
                directory -> StatusFacts.NONE, journal::add, () -> { }, audit);
        agent.start();

        // start() returns once the stored policy is in force; no broker is configured or running.
        assertEquals(1, enforcer.calls.size());
        assertEquals(Policy.Permission.DISABLED, enforcer.last().radios().get(Radio.BLUETOOTH));
        assertEquals(1, agent.current().orElseThrow().header().version());
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));
    }

    @Test
    void aCapturedWipeReplayedOverMqttIsRefusedAndCarriedOutOnce() throws Exception {
        byte[] wipe = fleet.command(1, DEVICE, "WIPE", "00112233445566778899aabbccddeeff");
        String commandTopic = "redoubt/v1/devices/" + DEVICE + "/command";

        operator.publish(commandTopic, wipe, 1, false);
        JsonObject first = ackFor(wipe);
        assertAudited(first, "APPLIED");
        operator.publish(commandTopic, wipe, 1, false);
        JsonObject replay = ackFor(wipe);
        assertAudited(replay, "REJECTED");

        assertEquals("APPLIED", first.requireString("result"), first.toString());
        assertEquals("redoubt.command", first.requireString("document"));
        assertEquals("REJECTED", replay.requireString("result"), replay.toString());
        assertEquals("REPLAYED", replay.requireString("reason"));
        assertEquals(List.of(org.redoubt.policy.Command.Action.WIPE), carriedOut);
    }

    @Test
    void aRootRotationOverMqttChangesWhoMaySignPolicies() throws Exception {
        org.redoubt.crypto.api.SigningKey newPolicyKey = TestFleet.PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256,
                org.redoubt.crypto.api.DistinguishingId.NONE);
        byte[] root2 = fleet.root(2, List.of(fleet.rootKey), List.of(newPolicyKey), fleet.rootKey);

        publish(operator, Topics.FLEET_ROOT, root2);

        JsonObject rotated = ackFor(root2);
        assertEquals("APPLIED", rotated.requireString("result"));
        assertAudited(rotated, "APPLIED");
        byte[] byOldKeys = fleet.policy(1, DEVICE, "{}");
        rejected(byOldKeys, deviceTopic(), "THRESHOLD_NOT_MET");
        byte[] byNewKey = TestFleet.sign(TestFleet.document(1, "{\"device\":\"" + DEVICE + "\"}", "{}", TestFleet.NOW,
                TestFleet.NOW.plus(Duration.ofDays(1))), newPolicyKey);
        publish(operator, deviceTopic(), byNewKey);
        assertEquals("APPLIED", ackFor(byNewKey).requireString("result"));
        assertTrue(java.util.Arrays.equals(root2, Files.readAllBytes(work.resolve(DEVICE).resolve("trust/root.json"))),
                "the launcher reads the new root at the next boot");
    }

    @Test
    void theBrokerCaOfAPolicyDecidesWhichBrokerTheHandsetTrusts() throws Exception {
        TestPki otherCa = new TestPki("Redoubt new broker CA");
        String otherCaPem = Files.readString(TestPki.pem(work.resolve("other-ca.pem"), otherCa.certificate()));
        byte[] trustTheNewCa = fleet.policy(1, DEVICE, "{\"trust\":{\"brokerCa\":[\""
                + otherCaPem.replace("\r", "").replace("\n", "\\n") + "\"]}}");
        publish(operator, deviceTopic(), trustTheNewCa);
        assertEquals("APPLIED", ackFor(trustTheNewCa).requireString("result"));
        operator.disconnect();
        operator.close();
        broker.close();

        // The broker now presents a certificate of the new CA (it still checks clients against the fleet CA).
        TestPki.Identity server = otherCa.issue("localhost", true);
        Path moved = new BrokerConfiguration("127.0.0.1", port, work.resolve("ca.pem"),
                TestPki.pem(work.resolve("broker2.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker2.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("broker2"));
        broker = MosquittoProcess.start(moved, port, work.resolve("mosquitto.log"));
        operator = client("operator-alice", List.of("redoubt/v1/devices/" + DEVICE + "/status"), otherCa.certificate());

        JsonObject status = awaitStatus("CURRENT");
        assertEquals(1, status.requireObject("policy").requireLong("version"), "the handset reached the new broker");

        // A handset still on the provisioned CA does not trust that broker.
        List<String> unconvincedSaid = new java.util.concurrent.CopyOnWriteArrayList<>();
        PolicyAgent unconvinced = handset("handset-c", unconvincedSaid);
        try {
            unconvinced.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (unconvincedSaid.stream().filter(line -> line.startsWith("cannot reach")).count() < 2) {
                assertTrue(System.nanoTime() < deadline, "no refused attempt: " + unconvincedSaid);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
            synchronized (unconvincedSaid) {
                assertTrue(unconvincedSaid.stream().noneMatch(line -> line.startsWith("connected")),
                        "a handset without the policy trusted the new broker: " + unconvincedSaid);
            }
        } finally {
            unconvinced.close();
        }
    }

    @Test
    void aHandsetThatVanishesIsReportedOfflineByItsLastWill() throws Exception {
        String device = "handset-d";
        provision(device);
        MqttClient watcher = client("operator-bob", List.of("redoubt/v1/devices/" + device + "/status"));
        Process handset = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AgentProcess.class.getName(), work.resolve(device).toString(), device,
                "ssl://localhost:" + port).redirectErrorStream(true).redirectOutput(work.resolve(device + ".log").toFile())
                .start();
        try {
            JsonObject online = awaitStatusOf(device, "ONLINE");
            assertEquals("NONE", online.requireObject("policy").requireString("state"));

            handset.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            JsonObject offline = awaitStatusOf(device, "OFFLINE");
            assertEquals(device, offline.requireString("device"));
        } finally {
            handset.destroyForcibly();
            watcher.disconnect();
            watcher.close();
        }
    }

    private JsonObject awaitStatusOf(String device, String state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = statuses.poll(100, TimeUnit.MILLISECONDS);
            if (status != null && status.requireString("device").equals(device) && status.requireString("state").equals(state)) {
                return status;
            }
        }
        throw new AssertionError("no " + state + " status of " + device + "; its log: "
                + Files.readString(work.resolve(device + ".log")));
    }

    @Test
    void aPolicysReportingIntervalSetsHowOftenTheHandsetReports() throws Exception {
        assertEquals("PT15M", firstStatus.requireString("reportEvery"), "the default without a policy");
        assertEquals(7, firstStatus.requireLong("release"), "the release the handset runs");
        byte[] everyMinute = fleet.policy(1, DEVICE, "{\"reporting\":{\"interval\":\"PT1M\",\"fields\":[]}}");

        publish(operator, deviceTopic(), everyMinute);

        assertEquals("APPLIED", ackFor(everyMinute).requireString("result"));
        JsonObject status = awaitStatus("CURRENT");
        assertEquals("PT1M", status.requireString("reportEvery"));
        assertFalse(status.members().containsKey("handset"), "no field asked, none reported: " + status);
    }

    @Test
    void theStatusCarriesExactlyTheFieldsThePolicyAsksFor() throws Exception {
        assertFalse(firstStatus.members().containsKey("handset"), "nothing without a policy: " + firstStatus);
        byte[] fields = fleet.policy(1, DEVICE, "{\"reporting\":{\"interval\":\"PT1H\",\"fields\":[\"IMSI\",\"BATTERY\",\"STORAGE\"]}}");

        publish(operator, deviceTopic(), fields);

        assertEquals("APPLIED", ackFor(fields).requireString("result"));
        JsonObject handset = awaitStatus("CURRENT").requireObject("handset");
        assertEquals(java.util.Set.of("battery", "storage", "unavailable"), handset.members().keySet(), handset.toString());
        assertEquals(73, handset.requireObject("battery").requireInt("level"));
        assertTrue(handset.requireObject("storage").requireLong("totalBytes") > 0, handset.toString());
        // This release has no service that tells the IMSI: it is named, never guessed.
        assertEquals(List.of("IMSI"), handset.requireArray("unavailable").requireStrings());
    }

    private static String ackDigest(byte[] envelope) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
    }
}
