package org.redoubt.release.agent.internal;

import java.util.Objects;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * A fleet channel over a plain Paho client connected with a handset's certificate to the real
 * broker: what the release agent needs of the policy agent's session, for tests of this bundle.
 */
final class PahoTestChannel implements FleetChannel {

    private final MqttClient client;
    private final String deviceId;

    PahoTestChannel(MqttClient client, String deviceId) {
        this.client = Objects.requireNonNull(client, "client");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Subscription subscribe(String topicFilter, ChannelListener listener) {
        IMqttMessageListener paho = (topic, message) -> listener.arrived(topic, message.getPayload().clone());
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter, 1)},
                    new IMqttMessageListener[] {paho});
        } catch (MqttException e) {
            throw new IllegalStateException("cannot subscribe to " + topicFilter, e);
        }
        listener.connected();
        return () -> {
            try {
                if (client.isConnected()) {
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
