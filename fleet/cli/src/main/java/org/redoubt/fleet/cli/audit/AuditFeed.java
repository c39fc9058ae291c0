package org.redoubt.fleet.cli.audit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.mqtt.TlsIdentity;

/**
 * An operator's persistent session on one device's audit topic: clean start off and a long
 * session expiry, so the broker keeps what the device publishes while the collector is away and
 * delivers it at the next run. Messages are acknowledged to the broker only when the caller says
 * they are stored ({@link #stored}), so a collector that dies before that gets them again.
 *
 * <p>The session is the certificate's (the broker makes the client id the certificate name): other
 * {@code fleet} commands start a clean session under the same name and so drop what the broker kept
 * for the collector. Collect with a certificate of its own (e.g. {@code operator-audit}).
 */
public final class AuditFeed implements AutoCloseable {

    /** How long the broker keeps the session while no collector is connected. */
    public static final long SESSION_EXPIRY_SECONDS = 30L * 24 * 3600;

    /** One message from the device. */
    public record Delivery(int id, int qos, byte[] payload) {
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Delivery> arrived = new LinkedBlockingQueue<>();
    private volatile String lost;

    private AuditFeed(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * @param brokerUri {@code ssl://host:port}
     * @param identity  the operator's TLS identity
     * @param deviceId  whose audit topic
     * @param timeout   how long to wait for the broker's answers
     * @return the connected, subscribed session
     * @throws FleetException when the broker cannot be reached or refuses
     */
    public static AuditFeed connect(String brokerUri, TlsIdentity identity, String deviceId, Duration timeout)
            throws FleetException {
        if (!brokerUri.startsWith("ssl://")) {
            throw new FleetException("the broker is reached over TLS only: ssl://host:port, not " + brokerUri);
        }
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(brokerUri, identity.commonName(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new FleetException("not a broker address: " + brokerUri, e);
        }
        AuditFeed feed = new AuditFeed(client);
        client.setCallback(feed.new Callback());
        client.setManualAcks(true);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(identity.socketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        String topic = "redoubt/v1/devices/" + deviceId + "/audit";
        try {
            client.connect(options).waitForCompletion(timeout.toMillis());
            IMqttToken subscribed = client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)});
            subscribed.waitForCompletion(timeout.toMillis());
            int[] codes = subscribed.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                throw new FleetException("the broker refused the subscription to " + topic + " (reason code " + codes[0]
                        + ")");
            }
        } catch (MqttException e) {
            feed.close();
            throw new FleetException("cannot collect " + topic + " from " + brokerUri + " as " + identity.commonName()
                    + ": " + e.getMessage(), e);
        } catch (FleetException e) {
            feed.close();
            throw e;
        }
        return feed;
    }

    /**
     * @param wait the longest to wait
     * @return the next message, empty when none came in time
     */
    public Optional<Delivery> next(Duration wait) throws FleetException {
        try {
            return Optional.ofNullable(arrived.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted", e);
        }
    }

    /** @param delivery stored for good: the broker may forget it */
    public void stored(Delivery delivery) throws FleetException {
        if (delivery.qos() == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(delivery.id(), delivery.qos());
        } catch (MqttException e) {
            // The broker sends it again on the next session; the collected log drops it then.
            throw new FleetException("cannot acknowledge an audit message: " + e.getMessage(), e);
        }
    }

    /** @return why the connection was lost last, if it was */
    public Optional<String> lost() {
        return Optional.ofNullable(lost);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                // Keep the session: the broker goes on collecting for the next run.
                client.disconnect(5_000).waitForCompletion(6_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // Closing after the work is done; nothing is lost that the broker does not send again.
            lost = "close: " + e.getMessage();
        }
    }

    /** Paho's thread: queue for the collecting thread. */
    private final class Callback implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            lost = String.valueOf(response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            lost = exception.getMessage();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived.add(new Delivery(message.getId(), message.getQos(), message.getPayload()));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The collector publishes nothing.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // Paho reconnects by itself; the broker kept the session and its subscription.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication: the identity is the TLS client certificate.
        }
    }
}
