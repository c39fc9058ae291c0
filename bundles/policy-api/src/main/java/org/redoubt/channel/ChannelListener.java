package org.redoubt.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the messages of a {@link FleetChannel} subscription, on the channel's thread.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface ChannelListener {

    /**
     * @param topic   the topic it arrived on
     * @param payload its bytes (the listener's own copy)
     */
    void arrived(String topic, byte[] payload);

    /** The session came up (again) and this listener's subscription is in place. */
    default void connected() {
    }
}
