package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;

/**
 * The agent's session shared as {@link FleetChannel}, against a real Mosquitto on the shipped
 * configuration and ACL: what the release agent will do with it (its manifest, blob chunks, the
 * echo round trip of its health window), across a broker restart, with listeners that leave or
 * fail.
 */
class FleetChannelTest {

    private static final String DEVICE = "handset-a";
    private static final String RELEASE = "redoubt/v1/devices/" + DEVICE + "/release";
    private static final String ECHO = "redoubt/v1/devices/" + DEVICE + "/echo";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private TestPki pki;
    private Path brokerConfiguration;
    private int port;
    private MosquittoProcess broker;
    private TestFleet fleet;
    private PolicyAgent agent;
    private FleetChannel channel;
    private MqttClient operator;
    private final List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void fleetAndHandset() throws Exception {
        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        port = MosquittoProcess.freePort();
        Path ca = TestPki.pem(work.resolve("ca.pem"), pki.certificate());
        brokerConfiguration = new BrokerConfiguration("127.0.0.1", port, ca,
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("broker"));
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));
        fleet = new TestFleet(SignatureScheme.ECDSA_P256_SHA256, 2);
        KeyPair keys = AgentProcess.provision(work.resolve(DEVICE), DEVICE, pki, fleet.rootEnvelope, ca);
        agent = AgentProcess.agent(work.resolve(DEVICE), DEVICE, keys, "ssl://localhost:" + port, new RecordingEnforcer(),
                action -> { }, journal::add, () -> { }, new org.redoubt.audit.AuditRecorder(journal::add));
        agent.start();
        channel = agent.channel().orElseThrow();
        operator = operator();
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

    @Test
    void aListenerGetsTheRetainedReleaseAndTheNextOne() throws Exception {
        publish(RELEASE, "manifest 1", true);
        await("the session", channel::isConnected);
        Recorder release = new Recorder();

        channel.subscribe(RELEASE, release);

        release.awaitMessage(RELEASE, "manifest 1");
        release.awaitConnections(1);
        publish(RELEASE, "manifest 2", true);
        release.awaitMessage(RELEASE, "manifest 2");
        assertEquals(DEVICE, channel.deviceId());
    }

    @Test
    void aBlobFilterGetsItsChunksAndNoOtherBlobs() throws Exception {
        String digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Recorder chunks = new Recorder();
        channel.subscribe("redoubt/v1/blobs/" + digest + "/#", chunks);
        chunks.awaitConnections(1);

        publish("redoubt/v1/blobs/" + digest + "/0", "chunk 0", true);
        publish("redoubt/v1/blobs/" + "0".repeat(64) + "/0", "another blob", true);
        publish("redoubt/v1/blobs/" + digest + "/1", "chunk 1", true);

        chunks.awaitMessage("redoubt/v1/blobs/" + digest + "/0", "chunk 0");
        chunks.awaitMessage("redoubt/v1/blobs/" + digest + "/1", "chunk 1");
        assertEquals(List.of("redoubt/v1/blobs/" + digest + "/0=chunk 0", "redoubt/v1/blobs/" + digest + "/1=chunk 1"),
                chunks.messages());
    }

    @Test
    void afterABrokerRestartTheSubscriptionIsBackAndTheListenerIsTold() throws Exception {
        Recorder release = new Recorder();
        channel.subscribe(RELEASE, release);
        release.awaitConnections(1);
        publish(RELEASE, "manifest 1", true);
        release.awaitMessage(RELEASE, "manifest 1");
        operator.disconnect();
        operator.close();

        broker.close();
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));

        release.awaitConnections(2);
        // The broker kept the handset's session: the retained manifest comes again only because the
        // channel's filters are subscribed with retain handling 0 on each connection.
        release.awaitCount(RELEASE + "=manifest 1", 2);
        operator = operator();
        publish(RELEASE, "manifest 2", false);
        release.awaitMessage(RELEASE, "manifest 2");
    }

    @Test
    void aClosedSubscriptionHearsNothingMoreAndTheFilterStaysForTheOthers() throws Exception {
        Recorder leaving = new Recorder();
        Recorder staying = new Recorder();
        Recorder chunks = new Recorder();
        Subscription leavingSubscription = channel.subscribe(RELEASE, leaving);
        Subscription stayingSubscription = channel.subscribe(RELEASE, staying);
        channel.subscribe("redoubt/v1/blobs/ab/#", chunks);
        leaving.awaitConnections(1);
        staying.awaitConnections(1);
        chunks.awaitConnections(1);
        publish(RELEASE, "m1", false);
        leaving.awaitMessage(RELEASE, "m1");

        leavingSubscription.close();
        leavingSubscription.close();
        publish(RELEASE, "m2", false);
        staying.awaitMessage(RELEASE, "m2");

        stayingSubscription.close();
        publish(RELEASE, "m3", false);
        publish("redoubt/v1/blobs/ab/0", "marker", false);
        chunks.awaitMessage("redoubt/v1/blobs/ab/0", "marker");
        assertEquals(List.of(RELEASE + "=m1"), leaving.messages());
        assertEquals(List.of(RELEASE + "=m1", RELEASE + "=m2"), staying.messages());
    }

    @Test
    void theHandsetHearsItsOwnEcho() throws Exception {
        Recorder echo = new Recorder();
        channel.subscribe(ECHO, echo);
        echo.awaitConnections(1);

        channel.publish(ECHO, "ping 1".getBytes(StandardCharsets.UTF_8), false);

        echo.awaitMessage(ECHO, "ping 1");
    }

    @Test
    void aListenerThatThrowsStopsNeitherTheOthersNorTheAgent() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        channel.subscribe(RELEASE, (topic, payload) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug in the release agent");
        });
        Recorder release = new Recorder();
        channel.subscribe(RELEASE, release);
        release.awaitConnections(1);

        publish(RELEASE, "m1", false);
        publish(RELEASE, "m2", false);

        release.awaitMessage(RELEASE, "m2");
        assertEquals(List.of(RELEASE + "=m1", RELEASE + "=m2"), release.messages());
        assertEquals(2, calls.get());
        assertTrue(journal.stream().anyMatch(line -> line.contains("a bug in the release agent")), journal.toString());
        publish("redoubt/v1/devices/" + DEVICE + "/policy", fleet.policy(1, DEVICE, "{}"), false);
        await("the policy applied", () -> agent.state().map(state -> state.version() == 1).orElse(false));
    }

    @Test
    void aConfirmedPublicationCompletesWhenTheBrokerHasItAndFailsWhenTheAclRefusesIt() throws Exception {
        String audit = "redoubt/v1/devices/" + DEVICE + "/audit";
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        operator.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
            new org.eclipse.paho.mqttv5.common.MqttSubscription(audit, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, message) -> heard.add(new String(message.getPayload(), StandardCharsets.UTF_8))});
        await("the session", channel::isConnected);

        channel.publishConfirmed(audit, "entry 1".getBytes(StandardCharsets.UTF_8), false)
                .toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        await("the entry at the operator", () -> heard.contains("entry 1"));

        java.util.concurrent.CompletableFuture<Void> refused = channel.publishConfirmed(
                "redoubt/v1/devices/handset-b/audit", "forged".getBytes(StandardCharsets.UTF_8), false)
                .toCompletableFuture();
        java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> refused.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(String.valueOf(failure.getCause().getMessage()).contains("135"), failure.getCause().toString());
    }

    @Test
    void aConfirmedPublicationFailsWhileTheBrokerIsAway() throws Exception {
        await("the session", channel::isConnected);
        operator.disconnect();
        operator.close();
        broker.close();
        await("the session lost", () -> !channel.isConnected());

        java.util.concurrent.CompletableFuture<Void> confirmed = channel.publishConfirmed(
                "redoubt/v1/devices/" + DEVICE + "/audit", "entry".getBytes(StandardCharsets.UTF_8), false)
                .toCompletableFuture();

        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> confirmed.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        broker = MosquittoProcess.start(brokerConfiguration, port, work.resolve("mosquitto.log"));
        operator = null;
    }

    private MqttClient operator() throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + port, "operator-alice", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue("operator-alice", false), pki.certificate()).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.connect(options);
        return client;
    }

    private void publish(String topic, String payload, boolean retained) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    private void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        operator.publish(topic, payload, 1, retained);
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "no " + what + "; agent said " + journal);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    /** What one listener heard, as "topic=payload", and how often it was told the session is up. */
    private final class Recorder implements ChannelListener {

        private final List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();

        @Override
        public void arrived(String topic, byte[] payload) {
            heard.add(topic + "=" + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void connected() {
            connections.incrementAndGet();
        }

        List<String> messages() {
            synchronized (heard) {
                return List.copyOf(heard);
            }
        }

        void awaitMessage(String topic, String payload) {
            awaitCount(topic + "=" + payload, 1);
        }

        void awaitCount(String message, int times) {
            await(times + " x " + message + " (heard " + messages() + ")",
                    () -> messages().stream().filter(message::equals).count() >= times);
        }

        void awaitConnections(int times) {
            await(times + " connections (told " + connections.get() + ")", () -> connections.get() >= times);
        }
    }
}
