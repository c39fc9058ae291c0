package org.redoubt.release.agent.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * The health window's MQTT round trip: a random token published on the device's own echo topic
 * must come back through the broker within the timeout. It proves the new release still reaches
 * the fleet, which is how the next release, or the rollback of this one, would arrive.
 */
final class EchoProbe implements HealthWindow.Probe {

    private final FleetChannel channel;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param channel the fleet channel
     * @param timeout the longest wait for the token
     */
    EchoProbe(FleetChannel channel, Duration timeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @return the device's echo topic */
    String topic() {
        return "redoubt/v1/devices/" + channel.deviceId() + "/echo";
    }

    @Override
    public Optional<String> run() {
        byte[] token = HexFormat.of().formatHex(random.generateSeed(16)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CountDownLatch back = new CountDownLatch(1);
        try (Subscription subscription = channel.subscribe(topic(), (topic, payload) -> {
            if (Arrays.equals(payload, token)) {
                back.countDown();
            }
        })) {
            long deadline = System.nanoTime() + timeout.toNanos();
            // Publish again until it comes back: the subscription may still be on its way to the broker.
            while (System.nanoTime() < deadline) {
                if (channel.isConnected()) {
                    channel.publish(topic(), token, false);
                }
                if (back.await(Math.min(500, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
            }
            return Optional.of("no MQTT round trip through the broker within " + timeout.toMillis() + " ms"
                    + (channel.isConnected() ? "" : " (not connected)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted during the MQTT round trip");
        }
    }
}
