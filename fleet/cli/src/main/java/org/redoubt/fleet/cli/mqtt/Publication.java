package org.redoubt.fleet.cli.mqtt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentKind;

/**
 * Publishes a signed envelope to the topic its kind and target call for and, when asked, waits
 * for the handset's ack of exactly those bytes. The ack topic is subscribed to before publishing,
 * so that a fast handset's ack cannot be missed.
 */
public final class Publication {

    private final BrokerSession session;

    /** @param session the connected operator session */
    public Publication(BrokerSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * What happened.
     *
     * @param delivery where it went
     * @param digest   {@code sha256:<hex>} of the published bytes, as acks name them
     * @param ack      the handset's ack, when one was awaited and came
     */
    public record Outcome(Topics.Delivery delivery, String digest, Optional<Ack> ack) {
    }

    /**
     * @param kind     what the envelope holds
     * @param device   the device, or empty for the fleet topic
     * @param envelope the envelope's exact bytes
     * @param waitAck  how long to wait for the device's ack, or empty not to wait
     * @return the outcome; {@link Outcome#ack()} is empty when none came in time
     * @throws FleetException when the envelope is not one of this kind, the topic is not allowed,
     *                        or the broker refuses
     */
    public Outcome publish(DocumentKind kind, Optional<String> device, byte[] envelope, Optional<Duration> waitAck)
            throws FleetException {
        kind.decode(envelope);
        Topics.Delivery delivery = Topics.delivery(kind, device);
        String digest = digest(envelope);
        BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();
        if (waitAck.isPresent()) {
            String deviceId = device.orElseThrow(() -> new FleetException("--wait-ack needs --device: acks come per device"));
            session.subscribe(Topics.ack(deviceId), (topic, payload) -> Ack.parse(payload)
                    .filter(ack -> ack.envelope().equals(digest)).ifPresent(acks::add));
        }
        session.publish(delivery.topic(), envelope, delivery.retained());
        if (waitAck.isEmpty()) {
            return new Outcome(delivery, digest, Optional.empty());
        }
        try {
            return new Outcome(delivery, digest, Optional.ofNullable(acks.poll(waitAck.get().toMillis(),
                    TimeUnit.MILLISECONDS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while waiting for the ack", e);
        }
    }

    /**
     * @param bytes the envelope's exact bytes
     * @return {@code sha256:} and their lower-case hex SHA-256
     */
    public static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
