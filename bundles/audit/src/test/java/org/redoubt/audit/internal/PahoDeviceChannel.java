package org.redoubt.audit.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

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
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * The part of the policy agent's session the audit shipper uses, over a plain Paho client with the
 * handset's certificate (persistent session, Paho's own reconnection): confirmed publications
 * complete with the PUBACK and fail when the session ends first, as {@code HandsetChannel}'s do.
 */
final class PahoDeviceChannel implements FleetChannel, AutoCloseable {

    private final MqttAsyncClient client;
    private final String deviceId;
    private final Set<CompletableFuture<Void>> unconfirmed = ConcurrentHashMap.newKeySet();

    PahoDeviceChannel(String uri, String deviceId, SSLContext tls) throws MqttException {
        this.deviceId = deviceId;
        this.client = new MqttAsyncClient(uri, deviceId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                failUnconfirmed();
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
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
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(tls.getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 1);
        client.connect(options).waitForCompletion(15_000);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Subscription subscribe(String topicFilter, ChannelListener listener) {
        throw new UnsupportedOperationException("the audit log subscribes nothing");
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained) {
        throw new UnsupportedOperationException("the audit log only publishes confirmed");
    }

    @Override
    public CompletionStage<Void> publishConfirmed(String topic, byte[] payload, boolean retained) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        if (!client.isConnected()) {
            confirmed.completeExceptionally(new IOException("down"));
            return confirmed;
        }
        unconfirmed.add(confirmed);
        try {
            client.publish(topic, new MqttMessage(payload.clone(), 1, retained, new MqttProperties()), null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            unconfirmed.remove(confirmed);
                            int[] codes = token.getReasonCodes();
                            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                                confirmed.completeExceptionally(new IOException("refused " + codes[0]));
                            } else {
                                confirmed.complete(null);
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            unconfirmed.remove(confirmed);
                            confirmed.completeExceptionally(failure);
                        }
                    });
        } catch (MqttException e) {
            unconfirmed.remove(confirmed);
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    private void failUnconfirmed() {
        for (CompletableFuture<Void> waiting : List.copyOf(unconfirmed)) {
            unconfirmed.remove(waiting);
            waiting.completeExceptionally(new IOException("session ended before the PUBACK"));
        }
    }

    @Override
    public void close() throws MqttException {
        failUnconfirmed();
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }
}
