package org.redoubt.release.agent.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;
import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * A fleet channel over a plain Paho client connected with a handset's certificate to the real
 * broker: what the release agent needs of the policy agent's session, for this bundle's tests and
 * the release benchmark. QoS 1 subscriptions, QoS 1 publishes that wait for the PUBACK; messages
 * are dispatched from the client's one callback ({@link #arrived}) to the listeners whose filter
 * matches, as the policy agent dispatches them.
 *
 * <p>Not Paho's per-subscription listeners: Paho 1.2.5 keeps them in a map its delivery thread
 * iterates while the agent's thread subscribes and unsubscribes (each chunk fetch, each echo
 * probe). A {@code ConcurrentModificationException} inside Paho then ends its delivery thread, and
 * the next QoS 1 publish waits forever for a completion that thread would have signalled: a test
 * that hangs now and then with its release stuck in TESTING.
 */
final class PahoTestChannel implements FleetChannel {

    private record Entry(String filter, ChannelListener listener) {
    }

    private final MqttClient client;
    private final String deviceId;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** @param client connected or about to be; its callback must be {@link #callback} or call {@link #arrived} */
    PahoTestChannel(MqttClient client, String deviceId) {
        this.client = Objects.requireNonNull(client, "client");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    }

    /**
     * @param problems told when the session is lost or fails
     * @return a client callback that hands every message to {@link #arrived}
     */
    MqttCallback callback(Consumer<String> problems) {
        return new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrived(topic, message);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                problems.accept("the handset's session was lost: " + response.getReasonString() + " "
                        + response.getException());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                problems.accept("the handset's session: " + exception);
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
        };
    }

    /** Called from the client's callback for every message. */
    void arrived(String topic, MqttMessage message) {
        for (Entry entry : entries) {
            if (MqttTopicValidator.isMatched(entry.filter(), topic)) {
                entry.listener().arrived(topic, message.getPayload().clone());
            }
        }
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Subscription subscribe(String topicFilter, ChannelListener listener) {
        Entry entry = new Entry(topicFilter, listener);
        entries.add(entry);
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter, 1)});
        } catch (MqttException e) {
            entries.remove(entry);
            throw new IllegalStateException("cannot subscribe to " + topicFilter, e);
        }
        listener.connected();
        return () -> {
            entries.remove(entry);
            boolean others = entries.stream().anyMatch(other -> other.filter().equals(topicFilter));
            try {
                if (!others && client.isConnected()) {
                    client.unsubscribe(topicFilter);
                }
            } catch (MqttException e) {
                throw new IllegalStateException("cannot unsubscribe from " + topicFilter, e);
            }
        };
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained) {
        try {
            client.publish(topic, new MqttMessage(payload, 1, retained, null));
        } catch (MqttException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }
}
