package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.release.agent.internal.TransferFailure.Reason;

/**
 * Bundle files as retained, digest-addressed chunks through a real Mosquitto on the shipped
 * configuration: an operator publishes them, a handset (its own certificate) receives and stages
 * them; more chunks than listed (SECURITY.md row 5) and a stalled transfer (row 12) end in a
 * clear failure; a transfer cut off resumes by asking only for the missing chunks.
 */
class BlobChannelTest {

    private static final int CHUNK = 16 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private TestPki pki;
    private MosquittoProcess broker;
    private MqttClient operator;
    private MqttClient handset;
    private final BlockingQueue<MqttMessage> arrived = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> topics = new LinkedBlockingQueue<>();

    @BeforeEach
    void broker() throws Exception {
        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
        operator = client("operator-alice");
        handset = client("handset-a");
        handset.setCallback(new Receiver());
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : new MqttClient[] {operator, handset}) {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
            if (client != null) {
                client.close();
            }
        }
        broker.close();
    }

    private MqttClient client(String name) throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + broker.port(), name, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue(name, false), pki.certificate()).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.connect(options);
        return client;
    }

    private static byte[] file(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static BlobSpec spec(byte[] file) throws Exception {
        return new BlobSpec(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)), file.length, CHUNK);
    }

    private void publishChunks(BlobSpec spec, byte[] file, int... indexes) throws MqttException {
        for (int index : indexes) {
            operator.publish(spec.topic(index), new MqttMessage(Arrays.copyOfRange(file, index * CHUNK,
                    index * CHUNK + spec.lengthOf(index)), 1, true, null));
        }
    }

    private static int[] all(BlobSpec spec) {
        int[] indexes = new int[spec.chunks()];
        Arrays.setAll(indexes, i -> i);
        return indexes;
    }

    /** Feeds the assembler until it is complete or the watchdog or the assembler refuse. */
    private Path receive(BlobSpec spec, ChunkAssembler assembler, TransferWatchdog watchdog) throws Exception {
        while (!assembler.complete()) {
            var failure = watchdog.check();
            if (failure.isPresent()) {
                throw failure.get();
            }
            MqttMessage message = arrived.poll(50, TimeUnit.MILLISECONDS);
            if (message != null) {
                String topic = topics.take();
                watchdog.received(message.getPayload().length);
                assembler.accept(spec.indexOf(topic), message.getPayload());
            }
        }
        return assembler.finish();
    }

    private TransferWatchdog watchdog() {
        return new TransferWatchdog(System::nanoTime, WAIT, 32 * 1024, Duration.ofMillis(500));
    }

    private void subscribe(String... filters) throws MqttException {
        handset.subscribe(Arrays.stream(filters).map(f -> new MqttSubscription(f, 1)).toArray(MqttSubscription[]::new));
    }

    @Test
    void aFileArrivesAsRetainedChunksAndIsKeptWithItsDigest() throws Exception {
        byte[] file = file(10 * CHUNK + 999);
        BlobSpec spec = spec(file);
        publishChunks(spec, file, all(spec));

        subscribe(spec.filter());
        try (ChunkAssembler assembler = ChunkAssembler.open(work.resolve("staging"), spec)) {
            assertArrayEquals(file, Files.readAllBytes(receive(spec, assembler, watchdog())));
        }
    }

    @Test
    void moreChunksThanListedEndTheTransfer() throws Exception {
        byte[] file = file(3 * CHUNK);
        BlobSpec spec = spec(file);
        publishChunks(spec, file, all(spec));
        operator.publish(spec.topic(3), new MqttMessage(new byte[CHUNK], 1, true, null));

        subscribe(spec.filter());
        try (ChunkAssembler assembler = ChunkAssembler.open(work.resolve("staging"), spec)) {
            TransferFailure failure = org.junit.jupiter.api.Assertions.assertThrows(TransferFailure.class, () -> {
                receive(spec, assembler, watchdog());
                // All listed chunks arrived first: wait for the extra one too.
                for (MqttMessage extra = arrived.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS); extra != null;
                        extra = arrived.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    assembler.accept(spec.indexOf(topics.take()), extra.getPayload());
                }
            });
            assertEquals(Reason.TOO_LARGE, failure.reason(), failure.getMessage());
        }
    }

    @Test
    void aStalledTransferEndsInAClearFailureAndResumesWithTheMissingChunks() throws Exception {
        byte[] file = file(8 * CHUNK + 5);
        BlobSpec spec = spec(file);
        publishChunks(spec, file, 0, 1, 2, 3);
        subscribe(spec.filter());
        Path staging = work.resolve("staging");
        try (ChunkAssembler assembler = ChunkAssembler.open(staging, spec)) {
            TransferFailure failure = org.junit.jupiter.api.Assertions.assertThrows(TransferFailure.class,
                    () -> receive(spec, assembler, watchdog()));
            assertEquals(Reason.TOO_SLOW, failure.reason(), failure.getMessage());
        }
        handset.unsubscribe(spec.filter());
        arrived.clear();
        topics.clear();

        // Later the operator publishes the rest; the handset asks only for what it lacks.
        publishChunks(spec, file, 4, 5, 6, 7, 8);
        try (ChunkAssembler resumed = ChunkAssembler.open(staging, spec)) {
            int[] missing = resumed.missing();
            assertArrayEquals(new int[] {4, 5, 6, 7, 8}, missing);
            subscribe(Arrays.stream(missing).mapToObj(spec::topic).toArray(String[]::new));
            assertArrayEquals(file, Files.readAllBytes(receive(spec, resumed, watchdog())));
        }
        assertTrue(arrived.isEmpty(), "no chunk it already had was sent again");
    }

    /** Paho's callback thread hands each chunk over in order, topic and payload together. */
    private final class Receiver implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            topics.add(topic);
            arrived.add(message);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
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
    }
}
