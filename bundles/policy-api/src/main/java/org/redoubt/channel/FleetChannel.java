package org.redoubt.channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /**
     * Publishes at QoS 1 and tells when the broker has the message: for what must reach the fleet
     * exactly once from the sender's point of view (the audit log marks entries shipped only when
     * their publication is confirmed, and sends them again otherwise).
     *
     * <p>The stage completes normally when the broker acknowledged the message with a success
     * code. It completes exceptionally, never later than the end of the session it was sent on,
     * when the session is down (nothing was sent), when the broker refused the message (e.g. the
     * ACL does not let this device write the topic: PUBACK reason code 135), or when the session
     * ended before the acknowledgement came; in that last case the broker may still have it, so a
     * sender that publishes again must be read by an idempotent receiver. It completes on the
     * thread of the channel: hand long work elsewhere.
     *
     * <p>The default implementation confirms nothing: it completes exceptionally with an
     * {@link UnsupportedOperationException}, so a channel written against 1.0 is never taken to have
     * delivered.
     *
     * @param topic    the topic
     * @param payload  the bytes (copied)
     * @param retained whether the broker keeps it for later subscribers
     * @return completes when the broker confirmed the message
     * @since 1.1
     */
    default CompletionStage<Void> publishConfirmed(String topic, byte[] payload, boolean retained) {
        return CompletableFuture.failedStage(new UnsupportedOperationException(
                getClass().getName() + " does not confirm publications"));
    }

    /** @return whether the session is up now */
    boolean isConnected();
}
