package org.redoubt.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.crypto.api.Suite;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;

/**
 * The log shipped to the device's audit topic through a real Mosquitto on the shipped
 * configuration and ACL, read by an operator with a persistent session: entries appended while the
 * broker is down arrive after it is back, the shipper resumes from the confirmed position after a
 * restart of its own, and the lines kept once per sequence number are the device's file byte for
 * byte, which verifies.
 */
class ShippingTest {

    private static final String DEVICE = "handset-a";
    private static final String TOPIC = "redoubt/v1/devices/" + DEVICE + "/audit";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private TestPki pki;
    private Path ca;
    private Path configuration;
    private int port;
    private MosquittoProcess broker;
    private MqttClient operator;
    private final Map<Long, byte[]> collected = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void broker() throws Exception {
        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        port = MosquittoProcess.freePort();
        ca = TestPki.pem(work.resolve("ca.pem"), pki.certificate());
        configuration = new BrokerConfiguration("127.0.0.1", port, ca, TestPki.pem(work.resolve("broker.pem"),
                server.certificate()), TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()),
                work.resolve("broker-data"), List.of("operator-alice"), System.getProperty("user.name"))
                .write(work.resolve("broker"));
        broker = MosquittoProcess.start(configuration, port, work.resolve("mosquitto.log"));
        operator = new MqttClient("ssl://localhost:" + port, "operator-alice", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue("operator-alice", false), pki.certificate())
                .getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 1);
        operator.connect(options);
        IMqttMessageListener collect = (topic, message) -> keep(message.getPayload());
        operator.subscribe(new MqttSubscription[] {new MqttSubscription(TOPIC, 1)}, new IMqttMessageListener[] {collect});
    }

    @AfterEach
    void stop() throws Exception {
        timer.shutdownNow();
        if (operator.isConnected()) {
            operator.disconnect();
        }
        operator.close(true);
        broker.close();
    }

    @Test
    void nothingIsLostAcrossABrokerRestartAndNothingConfirmedIsSentAgain() throws Exception {
        TestDevice device = new TestDevice(DEVICE, Suite.NIST, work.resolve("audit"));
        ScheduledExecutorService shipping = Executors.newSingleThreadScheduledExecutor();
        try (PahoDeviceChannel channel = new PahoDeviceChannel("ssl://localhost:" + port, DEVICE, deviceTls())) {
            AuditShipper[] shipper = new AuditShipper[1];
            AuditJournal log = device.open(8, timer, () -> shipper[0].wake(), problems::add);
            shipper[0] = new AuditShipper(log.file(), device.directory, channel, shipping, 5, 4096, problems::add);
            append(log, 20);
            await("the first entries at the operator", () -> collected.size() == log.file().sequence());

            broker.close();
            await("the device to notice", () -> !channel.isConnected());
            append(log, 30);
            broker = MosquittoProcess.start(configuration, port, work.resolve("mosquitto.log"));
            await("every entry at the operator after the restart", () -> collected.size() == log.file().sequence());

            // The shipper restarts (the bundle or the handset did): it resumes after the confirmed position.
            shipper[0].close();
            long confirmedBefore = log.file().sequence();
            Map<Long, Integer> countsBefore = counts();
            shipper[0] = new AuditShipper(log.file(), device.directory, channel, shipping, 5, 4096, problems::add);
            append(log, 5);
            log.checkpoint();
            await("the entries after the shipper's restart", () -> collected.size() == log.file().sequence());
            shipper[0].close();
            log.close();
            for (long sequence = 1; sequence <= confirmedBefore; sequence++) {
                assertEquals(countsBefore.get(sequence), counts().get(sequence), "entry " + sequence + " sent again");
            }
        } finally {
            shipping.shutdownNow();
        }

        byte[] kept = collectedFile();
        assertArrayEquals(Files.readAllBytes(device.log()), kept, "the collected lines are the device's file");
        ChainReport report = device.verifier().verify(kept, Optional.of(Files.readAllBytes(device.checkpoint())));
        assertEquals(Optional.empty(), report.firstBreak());
        assertTrue(report.entries() > 55, "entries " + report.entries());
    }

    private static void append(AuditJournal log, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            log.append(AuditEvent.of(AuditKind.UNLOCK_FAILED).with("failures", Integer.toString(i)));
        }
    }

    private javax.net.ssl.SSLContext deviceTls() throws Exception {
        return TestPki.clientContext(pki.issue(DEVICE, false), pki.certificate());
    }

    private void keep(byte[] payload) throws Exception {
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                byte[] line = Arrays.copyOfRange(payload, start, i + 1);
                long sequence = AuditLine.parse(Arrays.copyOf(line, line.length - 1)).sequence();
                collected.putIfAbsent(sequence, line);
                deliveries.computeIfAbsent(sequence, s -> new AtomicInteger()).incrementAndGet();
                start = i + 1;
            }
        }
    }

    private Map<Long, Integer> counts() {
        Map<Long, Integer> counts = new TreeMap<>();
        deliveries.forEach((sequence, count) -> counts.put(sequence, count.get()));
        return counts;
    }

    private byte[] collectedFile() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new TreeMap<>(collected).values().forEach(file::writeBytes);
        return file.toByteArray();
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "no " + what + "; collected " + collected.size() + ", problems "
                    + problems);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }
}
