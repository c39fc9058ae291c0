package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.redoubt.channel.ChannelListener;

/**
 * The handset's one MQTT 5 session with its broker: mutual TLS with the device identity, client
 * id = device id, a persistent session (clean start off, long session expiry), the handset's
 * topics subscribed at QoS 1, a retained status with an "offline" last will, and reconnection
 * with a capped exponential backoff. The same session carries the topic filters other bundles
 * subscribe through the {@link HandsetChannel} ({@link ChannelRoutes}).
 *
 * <p>Everything runs on the agent's one thread ({@code executor}): connecting, handing over what
 * arrived, publishing. Paho's own threads only hand work to it. Connecting never blocks the
 * handset: Paho 1.2.5's {@code connect()} spends ~300 ms in its own thread start-up (three 100 ms
 * polls), so the agent starts enforcing its stored policy before the broker is reached.
 *
 * <p>Retained messages: the agent's own topics are subscribed with retain handling 1 (retained
 * documents only for a new subscription: a resumed session already had them, and a document that
 * arrived while the handset was away is queued by the broker). The channel's filters are
 * subscribed with retain handling 0 on every connection and every {@code subscribe}: a resumed
 * session keeps the broker's subscription of an earlier run, so retain handling 1 would send
 * nothing to the listener of this run (a release agent that restarted would never see the retained
 * release manifest and blob chunks). The price is that retained messages matching those filters
 * come again after each reconnection; the channel's listeners are idempotent anyway (QoS 1
 * redelivery).
 *
 * <p>Routing: a message whose topic matches a channel filter goes to that filter's listeners; a
 * message on one of the agent's own topics, or matching no filter, goes to {@code inbound}. The
 * agent's documents therefore reach the agent even when another bundle subscribes a filter that
 * covers them. A QoS 1 message is acknowledged to the broker after all of them returned.
 */
final class BrokerLink implements AutoCloseable {

    /** How the link reaches and authenticates to the broker. */
    interface Tls {
        /** @return the TLS context for the next connection (trust anchors may have changed) */
        SSLContext context() throws IOException;
    }

    private static final long SESSION_EXPIRY_SECONDS = 30L * 24 * 3600;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final long WAIT_MILLIS = 15_000;

    private final String uri;
    private final Topics topics;
    private final Tls tls;
    private final Duration maxBackoff;
    private final ScheduledExecutorService executor;
    private final BiConsumer<String, byte[]> inbound;
    private final byte[] lastWill;
    private final Runnable connected;
    private final Consumer<String> journal;
    private final ChannelRoutes routes;
    private volatile MqttAsyncClient client;
    /** Confirmed publications sent on the current session and not yet answered (any thread). */
    private final Set<CompletableFuture<Void>> unconfirmed = ConcurrentHashMap.newKeySet();
    private int failures;
    private boolean closed;

    /**
     * @param uri        {@code ssl://host:port}; the host name must be in the broker's certificate
     * @param topics     the handset's topics
     * @param tls        the TLS context of each connection
     * @param maxBackoff the longest wait between two connection attempts
     * @param executor   the agent's one thread
     * @param inbound    receives (topic, payload) of what arrived, on the agent's thread
     * @param lastWill   the retained status the broker publishes if the handset vanishes
     * @param connected  runs on the agent's thread after each (re)connection and subscription
     * @param journal    one line per connection event
     * @param routes     the channel's filters and listeners (agent thread)
     */
    BrokerLink(String uri, Topics topics, Tls tls, Duration maxBackoff, ScheduledExecutorService executor,
            BiConsumer<String, byte[]> inbound, byte[] lastWill, Runnable connected, Consumer<String> journal,
            ChannelRoutes routes) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.lastWill = lastWill.clone();
        this.connected = Objects.requireNonNull(connected, "connected");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    /** Starts connecting in the background. */
    void start() {
        executor.execute(this::connect);
    }

    /** Drops the connection and connects again (new trust anchors take effect). */
    void reconnect() {
        executor.execute(() -> {
            drop();
            connect();
        });
    }

    /** @return whether the session is up (any thread: the client field is volatile, Paho's state is too) */
    boolean isConnected() {
        return client != null && client.isConnected();
    }

    /**
     * Publishes at QoS 1 without waiting; what cannot be sent now is dropped (a status is sent again
     * after the next connection, an operator re-publishes to get an ack).
     */
    void publish(String topic, byte[] payload, boolean retained) {
        if (!isConnected()) {
            return;
        }
        try {
            client.publish(topic, payload, 1, retained);
        } catch (MqttException e) {
            journal.accept("publish to " + topic + " failed: " + e.getMessage());
        }
    }

    /**
     * Publishes at QoS 1 and completes {@code confirmed} when the broker acknowledged it with a
     * success code; exceptionally when the session is down, the broker refused it, or the session
     * ends first ({@link #drop} fails whatever is still unanswered). Agent thread; {@code confirmed}
     * completes on a Paho thread or the agent's.
     */
    void publishConfirmed(String topic, byte[] payload, boolean retained, CompletableFuture<Void> confirmed) {
        MqttAsyncClient current = client;
        if (current == null || !current.isConnected()) {
            confirmed.completeExceptionally(new IOException("the session with the broker is down"));
            return;
        }
        unconfirmed.add(confirmed);
        try {
            current.publish(topic, new MqttMessage(payload, 1, retained, new MqttProperties()), null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            unconfirmed.remove(confirmed);
                            int[] codes = token.getReasonCodes();
                            int refusal = codes == null ? 0 : java.util.Arrays.stream(codes).filter(code -> code >= 0x80)
                                    .findFirst().orElse(0);
                            if (refusal == 0) {
                                confirmed.complete(null);
                            } else {
                                confirmed.completeExceptionally(new IOException("the broker refused the publication to "
                                        + topic + " with reason code " + refusal));
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            unconfirmed.remove(confirmed);
                            confirmed.completeExceptionally(failure);
                        }
                    });
        } catch (MqttException | RuntimeException e) {
            unconfirmed.remove(confirmed);
            confirmed.completeExceptionally(e);
        }
    }

    /**
     * Subscribes a channel filter now if the session is up (again, if it is already subscribed, so
     * that the broker sends its retained messages for the new listener), and tells the listener
     * {@link ChannelListener#connected} once the broker granted it. While the session is down the
     * next connection subscribes it. Agent thread.
     */
    void subscribe(String filter, ChannelListener listener) {
        if (!isConnected()) {
            return;
        }
        MqttAsyncClient current = client;
        try {
            current.subscribe(new MqttSubscription[] {channelSubscription(filter)}, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    executor.execute(() -> {
                        if (client == current && routes.has(filter, listener)) {
                            routes.connected(filter, listener);
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    journal.accept("subscribing " + filter + " failed: " + failure.getMessage());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            journal.accept("subscribing " + filter + " failed: " + e.getMessage());
        }
    }

    /**
     * Unsubscribes a channel filter that has no listener left: now if the session is up, else at
     * the next connection (the broker's persistent session still holds it). Agent thread.
     */
    void unsubscribe(String filter) {
        if (!isConnected()) {
            routes.abandon(filter);
            return;
        }
        try {
            client.unsubscribe(filter);
        } catch (MqttException e) {
            journal.accept("unsubscribing " + filter + " failed: " + e.getMessage());
            routes.abandon(filter);
        }
    }

    /** Publishes the final status and disconnects; no reconnection follows. */
    @Override
    public void close() {
        executor.execute(() -> {
            closed = true;
            drop();
        });
    }

    /** @return the wait before the next attempt after {@code failures} failed ones: 0.5 s doubling, capped */
    static Duration backoff(int failures, Duration max) {
        long millis = FIRST_RETRY.toMillis() << Math.min(failures, 20);
        return millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }

    private void connect() {
        if (closed || isConnected()) {
            return;
        }
        try {
            if (client == null) {
                client = new MqttAsyncClient(uri, topics.deviceId(), new MemoryPersistence());
                client.setCallback(new Callback());
                // A QoS 1 document is acknowledged to the broker only after the agent processed it,
                // so a crash in between gets it delivered again.
                client.setManualAcks(true);
            }
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(Long.valueOf(SESSION_EXPIRY_SECONDS));
            options.setKeepAliveInterval(30);
            options.setConnectionTimeout(10);
            options.setAutomaticReconnect(false);
            options.setHttpsHostnameVerificationEnabled(true);
            options.setSocketFactory(new HandsetSockets(tls.context().getSocketFactory()));
            MqttMessage will = new MqttMessage(lastWill, 1, true, new MqttProperties());
            options.setWill(topics.status(), will);
            client.connect(options).waitForCompletion(WAIT_MILLIS);
            List<String> inboundTopics = topics.inbound();
            MqttSubscription[] subscriptions = new MqttSubscription[inboundTopics.size()];
            for (int i = 0; i < subscriptions.length; i++) {
                subscriptions[i] = new MqttSubscription(inboundTopics.get(i), 1);
                // Retained documents only for a new subscription: a resumed session already had them.
                subscriptions[i].setRetainHandling(1);
            }
            IMqttToken subscribed = client.subscribe(subscriptions);
            subscribed.waitForCompletion(WAIT_MILLIS);
            subscribeChannel();
            failures = 0;
            journal.accept("connected to " + uri + " as " + topics.deviceId());
            connected.run();
            routes.connected();
        } catch (MqttException | IOException | RuntimeException e) {
            Duration wait = backoff(failures++, maxBackoff);
            journal.accept("cannot reach " + uri + " (" + describe(e) + "); next attempt in " + wait.toMillis() + " ms");
            drop();
            retryIn(wait);
        }
    }

    /** The channel's filters (retain handling 0, see the class comment), after the abandoned ones went. */
    private void subscribeChannel() throws MqttException {
        List<String> abandoned = routes.takeAbandoned();
        if (!abandoned.isEmpty()) {
            try {
                client.unsubscribe(abandoned.toArray(String[]::new)).waitForCompletion(WAIT_MILLIS);
            } catch (MqttException | RuntimeException e) {
                abandoned.forEach(routes::abandon);
                throw e;
            }
        }
        List<String> filters = routes.filters();
        if (!filters.isEmpty()) {
            client.subscribe(filters.stream().map(BrokerLink::channelSubscription).toArray(MqttSubscription[]::new))
                    .waitForCompletion(WAIT_MILLIS);
        }
    }

    private static MqttSubscription channelSubscription(String filter) {
        MqttSubscription subscription = new MqttSubscription(filter, 1);
        subscription.setRetainHandling(0);
        return subscription;
    }

    private void route(String topic, byte[] payload) {
        boolean forChannel = routes.deliver(topic, payload);
        if (!forChannel || topics.inbound().contains(topic)) {
            inbound.accept(topic, payload);
        }
    }

    private void retryIn(Duration wait) {
        if (!closed && !executor.isShutdown()) {
            executor.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void drop() {
        MqttAsyncClient old = client;
        client = null;
        // A new session will not answer for what was sent on this one.
        for (CompletableFuture<Void> waiting : List.copyOf(unconfirmed)) {
            unconfirmed.remove(waiting);
            waiting.completeExceptionally(new IOException("the session ended before the broker confirmed the publication"));
        }
        if (old == null) {
            return;
        }
        try {
            if (old.isConnected()) {
                old.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            journal.accept("disconnect: " + e.getMessage());
        }
        try {
            old.close(true);
        } catch (MqttException e) {
            journal.accept("close: " + e.getMessage());
        }
    }

    private void complete(MqttAsyncClient receiver, MqttMessage message) {
        if (receiver == null || message.getQos() == 0) {
            return;
        }
        try {
            receiver.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            journal.accept("cannot acknowledge message " + message.getId() + ": " + e.getMessage());
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
    }

    /** Paho's threads: hand everything to the agent's thread. */
    private final class Callback implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            executor.execute(() -> {
                if (!closed) {
                    Duration wait = backoff(failures++, maxBackoff);
                    journal.accept("connection lost (" + response.getReasonString() + "); next attempt in "
                            + wait.toMillis() + " ms");
                    drop();
                    retryIn(wait);
                }
            });
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            journal.accept("MQTT error: " + exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            MqttAsyncClient receiver = client;
            executor.execute(() -> {
                // Listeners' failures are caught in the routes: the ack follows them too.
                route(topic, payload);
                complete(receiver, message);
            });
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Acks and statuses are fire and forget at QoS 1; confirmed publications have their own listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // Subscriptions and the status follow in connect(), on the agent's thread.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication: the identity is the TLS client certificate.
        }
    }
}
