package org.redoubt.fleet.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
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

/**
 * The broker configuration Redoubt ships, on a real Mosquitto with certificates made for the run:
 * handsets and operators get in only with a certificate of the fleet's CA, as the name in it, and
 * see only their own topics.
 */
class ShippedBrokerTest {

    private static final String PREFIX = "redoubt/v1/";

    @TempDir
    Path work;
    private TestPki pki;
    private MosquittoProcess broker;
    private final List<MqttClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
    }

    @AfterEach
    void stopBroker() throws Exception {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close();
        }
        broker.close();
    }

    private MqttClient connect(String clientId, SSLContext tls) throws MqttException {
        MqttClient client = new MqttClient("ssl://localhost:" + broker.port(), clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(tls.getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    private MqttClient connect(String commonName) throws Exception {
        return connect(commonName, TestPki.clientContext(pki.issue(commonName, false), pki.certificate()));
    }

    private static BlockingQueue<String> subscribe(MqttClient client, String... topics) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        IMqttMessageListener listener = (name, message) -> received.add(name.substring(PREFIX.length()) + " "
                + new String(message.getPayload(), StandardCharsets.UTF_8));
        MqttSubscription[] subscriptions = new MqttSubscription[topics.length];
        IMqttMessageListener[] listeners = new IMqttMessageListener[topics.length];
        for (int i = 0; i < topics.length; i++) {
            subscriptions[i] = new MqttSubscription(PREFIX + topics[i], 1);
            listeners[i] = listener;
        }
        // One call for all topics: Paho 1.2.5 keeps its listeners in a HashMap that its callback thread
        // iterates, so adding one while a retained message of an earlier subscription is delivered
        // throws ConcurrentModificationException (seen). Its subscribe(String, int, listener) also
        // calls itself until the stack overflows, hence the array overload.
        client.subscribe(subscriptions, listeners);
        return received;
    }

    private static void publish(MqttClient client, String topic, String payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, retained, null);
        client.publish(PREFIX + topic, message);
    }

    @Test
    void aHandsetGetsWhatIsAddressedToItAndOnlyThat() throws Exception {
        MqttClient operator = connect("operator-alice");
        publish(operator, "devices/handset-1/policy", "policy for handset-1", true);
        publish(operator, "devices/handset-2/policy", "policy for handset-2", true);

        long start = System.nanoTime();
        MqttClient handset = connect("handset-2");
        System.out.printf(Locale.ROOT, "PAHO CONNECT (mTLS, TLS 1.3) %.1f ms%n", (System.nanoTime() - start) / 1e6);
        BlockingQueue<String> received = subscribe(handset, "devices/handset-1/policy", "devices/handset-2/policy",
                "devices/handset-2/command");

        assertEquals("devices/handset-2/policy policy for handset-2", received.poll(10, TimeUnit.SECONDS));
        publish(operator, "devices/handset-2/command", "sentinel", false);
        assertEquals("devices/handset-2/command sentinel", received.poll(10, TimeUnit.SECONDS));
        assertTrue(received.isEmpty(), "handset-1's retained policy never reached handset-2: " + received);
    }

    @Test
    void aHandsetWritesOnlyItsOwnStatusAndAcks() throws Exception {
        MqttClient operator = connect("operator-alice");
        BlockingQueue<String> seen = subscribe(operator, "devices/+/ack");
        MqttClient handset = connect("handset-2");

        publish(handset, "devices/handset-1/ack", "forged", false); // the broker refuses it (PUBACK 135)
        publish(handset, "devices/handset-2/ack", "own ack", false);

        assertEquals("devices/handset-2/ack own ack", seen.poll(10, TimeUnit.SECONDS));
        assertTrue(seen.isEmpty(), "the forged ack for handset-1 was not delivered: " + seen);
    }

    @Test
    void clientsWithoutAFleetCertificateAreRefused() throws Exception {
        assertThrows(MqttException.class, () -> connect("handset-9", TestPki.clientContext(null, pki.certificate())),
                "no client certificate");
        TestPki stranger = new TestPki("Someone else's CA");
        assertThrows(MqttException.class, () -> connect("handset-1",
                TestPki.clientContext(stranger.issue("handset-1", false), pki.certificate())), "another CA's certificate");
    }

    @Test
    void aClientIdCannotTakeOverAnotherHandsetsSession() throws Exception {
        MqttClient victim = connect("handset-1");
        BlockingQueue<String> commands = subscribe(victim, "devices/handset-1/command");
        MqttClient impostor = connect("handset-1", TestPki.clientContext(pki.issue("handset-2", false),
                pki.certificate()));
        assertTrue(impostor.isConnected());

        publish(connect("operator-alice"), "devices/handset-1/command", "still yours", false);
        assertEquals("devices/handset-1/command still yours", commands.poll(10, TimeUnit.SECONDS),
                "the broker took the certificate's name as client id, so handset-1's session stayed");
        assertTrue(victim.isConnected());
    }
}
