package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * The agent's broker session offered to other bundles as {@link FleetChannel}. Every call may come
 * from any thread and only queues work on the agent's one thread, where the {@link BrokerLink} and
 * the {@link ChannelRoutes} live: {@code subscribe} returns its {@link Subscription} at once,
 * {@code publish} copies the payload and is sent in call order with the agent's own acks and
 * statuses; {@code publishConfirmed} too, and its stage follows Paho's delivery token (the PUBACK
 * and its reason code) or fails when the session ends first. Once the agent closed, nothing more
 * is queued: a publish is dropped, a confirmed one fails, a subscription never delivers.
 */
final class HandsetChannel implements FleetChannel {

    private final String deviceId;
    private final Executor agentThread;
    private final BrokerLink link;
    private final ChannelRoutes routes;

    /**
     * @param deviceId    the handset's id
     * @param agentThread the agent's one thread
     * @param link        the session (agent thread)
     * @param routes      the channel's filters and listeners (agent thread)
     */
    HandsetChannel(String deviceId, Executor agentThread, BrokerLink link, ChannelRoutes routes) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.agentThread = Objects.requireNonNull(agentThread, "agentThread");
        this.link = Objects.requireNonNull(link, "link");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    /**
     * @throws IllegalArgumentException when {@code topicFilter} is not a valid MQTT topic filter
     */
    @Override
    public Subscription subscribe(String topicFilter, ChannelListener listener) {
        TopicFilter.validate(topicFilter);
        Objects.requireNonNull(listener, "listener");
        onAgentThread(() -> {
            routes.add(topicFilter, listener);
            link.subscribe(topicFilter, listener);
        });
        return new Registration(topicFilter, listener);
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained) {
        Objects.requireNonNull(topic, "topic");
        byte[] copy = payload.clone();
        onAgentThread(() -> link.publish(topic, copy, retained));
    }

    /** @since 1.1 */
    @Override
    public CompletionStage<Void> publishConfirmed(String topic, byte[] payload, boolean retained) {
        Objects.requireNonNull(topic, "topic");
        byte[] copy = payload.clone();
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        try {
            agentThread.execute(() -> link.publishConfirmed(topic, copy, retained, confirmed));
        } catch (RejectedExecutionException e) {
            confirmed.completeExceptionally(new IOException("the policy agent's session has closed", e));
        }
        return confirmed;
    }

    @Override
    public boolean isConnected() {
        return link.isConnected();
    }

    private void onAgentThread(Runnable work) {
        try {
            agentThread.execute(work);
        } catch (RejectedExecutionException e) {
            // The agent has closed: its session is gone for good, which the contract treats as "down".
        }
    }

    /** One listener's registration for one filter. */
    private final class Registration implements Subscription {

        private final String filter;
        private final ChannelListener listener;
        private final AtomicBoolean closed = new AtomicBoolean();

        Registration(String filter, ChannelListener listener) {
            this.filter = filter;
            this.listener = listener;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                onAgentThread(() -> {
                    if (routes.remove(filter, listener)) {
                        link.unsubscribe(filter);
                    }
                });
            }
        }

        @Override
        public String toString() {
            return "subscription to " + filter;
        }
    }
}
