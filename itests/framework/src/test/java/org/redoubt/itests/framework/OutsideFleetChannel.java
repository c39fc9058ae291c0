package org.redoubt.itests.framework;

import java.util.function.BiConsumer;

import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * The fleet channel the policy agent would register, over the handset's MQTT session that
 * {@link FleetOutside} holds (a Paho client with the device's certificate on the real broker).
 */
final class OutsideFleetChannel implements FleetChannel {

    private final Outside outside;
    private final String deviceId;

    OutsideFleetChannel(Outside outside) throws Exception {
        this.outside = outside;
        this.deviceId = outside.call("deviceId");
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Subscription subscribe(String topicFilter, ChannelListener listener) {
        BiConsumer<String, byte[]> forward = listener::arrived;
        AutoCloseable subscription;
        try {
            subscription = outside.call("subscribe", topicFilter, forward);
        } catch (Exception e) {
            throw new IllegalStateException("cannot subscribe to " + topicFilter, e);
        }
        listener.connected();
        return () -> {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot unsubscribe from " + topicFilter, e);
            }
        };
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained) {
        try {
            outside.call("publish", topic, payload, retained);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public boolean isConnected() {
        try {
            return outside.<Boolean>call("isConnected");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
