package org.redoubt.fleet.cli.mqtt;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.redoubt.fleet.cli.FleetException;

/**
 * One operator connection to the fleet's broker: Paho MQTT v5 over mutual TLS 1.3 with host name
 * verification, a clean session under the certificate's own name (the broker takes the name from
 * the certificate anyway), QoS 1 both ways. Every broker answer is awaited and its reason code
 * checked, so that a publish the ACL refuses is an error, not silence.
 *
 * <p>Paho's connect takes about 300 ms of its own thread start-up; that is Paho, not the broker.
 */
public final class BrokerSession implements AutoCloseable {

    private static final int QOS = 1;
    private static final int FIRST_FAILURE_CODE = 0x80;

    private final MqttAsyncClient client;
    private final long timeoutMillis;

    private BrokerSession(MqttAsyncClient client, Duration timeout) {
        this.client = client;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * @param brokerUri e.g. {@code ssl://broker.example:8883}
     * @param identity  the operator's TLS identity
     * @param timeout   how long to wait for each answer of the broker
     * @return the connected session
     * @throws FleetException when the URI is not {@code ssl://} or the connection fails
     */
    public static BrokerSession connect(String brokerUri, TlsIdentity identity, Duration timeout) throws FleetException {
        Objects.requireNonNull(identity, "identity");
        if (!brokerUri.startsWith("ssl://")) {
            throw new FleetException("the broker is reached over TLS only: ssl://host:port, not " + brokerUri);
        }
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(brokerUri, identity.commonName(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new FleetException("not a broker address: " + brokerUri, e);
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(identity.socketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        BrokerSession session = new BrokerSession(client, timeout);
        try {
            client.connect(options).waitForCompletion(session.timeoutMillis);
            if (!client.isConnected()) {
                throw new FleetException("no connection to " + brokerUri + " within " + timeout.toSeconds() + " s");
            }
        } catch (MqttException e) {
            session.close();
            throw new FleetException("cannot connect to " + brokerUri + " as " + identity.commonName() + ": "
                    + describe(e), e);
        } catch (FleetException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * @param filter   a topic filter
     * @param listener gets topic and payload of every message, on Paho's thread
     * @throws FleetException when the broker refuses or does not answer
     */
    public void subscribe(String filter, BiConsumer<String, byte[]> listener) throws FleetException {
        // The array overload: Paho 1.2.5's single-subscription overloads with a listener recurse
        // until the stack overflows.
        IMqttMessageListener paho = (topic, message) -> listener.accept(topic, message.getPayload());
        try {
            IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, QOS)}, null, null,
                    new IMqttMessageListener[] {paho}, new MqttProperties());
            token.waitForCompletion(timeoutMillis);
            requireSuccess(token, "subscribing to " + filter);
        } catch (MqttException e) {
            throw new FleetException("cannot subscribe to " + filter + ": " + describe(e), e);
        }
    }

    /**
     * Publishes with QoS 1 and waits for the broker's acknowledgement.
     *
     * @param topic    the topic
     * @param payload  the bytes
     * @param retained whether the broker keeps it for later subscribers
     * @throws FleetException when the broker refuses (e.g. not authorized) or does not answer
     */
    public void publish(String topic, byte[] payload, boolean retained) throws FleetException {
        try {
            MqttMessage message = new MqttMessage(payload, QOS, retained, null);
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(timeoutMillis);
            requireSuccess(token, "publishing to " + topic);
        } catch (MqttException e) {
            throw new FleetException("cannot publish to " + topic + ": " + describe(e), e);
        }
    }

    private static void requireSuccess(IMqttToken token, String what) throws FleetException {
        if (!token.isComplete()) {
            throw new FleetException(what + ": the broker did not answer in time");
        }
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= FIRST_FAILURE_CODE) {
                    throw new FleetException(what + ": the broker refused with reason code " + code
                            + (code == 135 ? " (not authorized: is this certificate an operator in the ACL?)" : ""));
                }
            }
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis);
            }
        } catch (MqttException alreadyGone) {
            // Nothing to do about a broker that went away first.
        } finally {
            try {
                client.close(true);
            } catch (MqttException ignored) {
                // Closing is best effort: the process ends next.
            }
        }
    }
}
