package org.redoubt.fleet.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.redoubt.fleet.cli.mqtt.TlsIdentity;

/**
 * A handset's side of the broker for tests: a Paho v5 client with a device certificate the tool
 * issued, which records what it receives (with the retained flag) and publishes acks and statuses.
 */
final class MqttTestClient implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 10_000;

    /** A message as received. */
    record Received(String topic, byte[] payload, boolean retained, int qos) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private MqttTestClient(MqttAsyncClient client) {
        this.client = client;
    }

    static MqttTestClient connect(String broker, Path ca, Path certificate, Path key) throws Exception {
        TlsIdentity identity = TlsIdentity.fromPem(ca, certificate, key);
        MqttAsyncClient client = new MqttAsyncClient(broker, identity.commonName(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(identity.socketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        return new MqttTestClient(client);
    }

    /** Subscribes; every message goes to {@link #received} and then to {@code also}. */
    void subscribe(String filter, BiConsumer<String, byte[]> also) throws Exception {
        IMqttMessageListener listener = (topic, message) -> {
            received.add(new Received(topic, message.getPayload(), message.isRetained(), message.getQos()));
            also.accept(topic, message.getPayload());
        };
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, null, null,
                new IMqttMessageListener[] {listener}, new MqttProperties()).waitForCompletion(TIMEOUT_MILLIS);
    }

    void subscribe(String filter) throws Exception {
        subscribe(filter, (topic, payload) -> { });
    }

    void publish(String topic, String payload, boolean retained) throws Exception {
        client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, retained, null))
                .waitForCompletion(TIMEOUT_MILLIS);
    }

    @Override
    public void close() throws Exception {
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
            }
        } finally {
            client.close(true);
        }
    }
}
