package org.redoubt.channel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The handset's session with the fleet broker (mutual TLS, persistent session, QoS 1). Topics are
 * full MQTT topics ({@code redoubt/v1/...}); the broker's ACL decides what this device may read and
 * write. Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface FleetChannel {

    /** @return this handset's device id, as in its topics */
    String deviceId();

    /**
     * Subscribes at QoS 1, now if the session is up and again after every reconnection. Retained
     * messages are delivered for each new subscription. A listener is called on the channel's one
     * thread, in arrival order, and must hand long work to its own thread: a QoS 1 message is
     * acknowledged to the broker when the listener returns, so a crash before that gets it
     * delivered again.
     *
     * @param topicFilter an MQTT topic filter ({@code +} and {@code #} allowed)
     * @param listener    told each message whose topic matches
     * @return the subscription; closing it unsubscribes (when no other listener has the same filter)
     */
    Subscription subscribe(String topicFilter, ChannelListener listener);

    /**
     * Publishes at QoS 1 without waiting; dropped when the session is down (the caller publishes
     * again when it matters, as after {@link ChannelListener#connected}).
     *
     * @param topic    the topic
     * @param payload  the bytes
     * @param retained whether the broker keeps it for later subscribers
     */
    void publish(String topic, byte[] payload, boolean retained);

    /** @return whether the session is up now */
    boolean isConnected();
}
