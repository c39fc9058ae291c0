package org.redoubt.release.agent.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;
import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * The handset's fleet channel for the benchmarks: as the agent's test fixture {@link PahoTestChannel}
 * (QoS 1 subscriptions, QoS 1 publishes that wait for the PUBACK), but messages are dispatched from one
 * client callback to the listeners whose filter matches. Paho 1.2.5's per-subscription listeners are
 * kept in a map its delivery thread iterates while the agent's thread subscribes and unsubscribes
 * (every chunk fetch and every echo probe); over a few dozen releases that ended the session with a
 * ConcurrentModificationException inside Paho, which is a property of the test client, not of the agent.
 */
final class BenchChannel implements FleetChannel {

    private record Entry(String filter, ChannelListener listener) {
    }

    private final MqttClient client;
    private final String deviceId;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** @param client connected; its callback must call {@link #arrived} */
    BenchChannel(MqttClient client, String deviceId) {
        this.client = Objects.requireNonNull(client, "client");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
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
