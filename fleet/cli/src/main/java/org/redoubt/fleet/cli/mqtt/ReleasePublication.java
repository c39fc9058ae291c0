package org.redoubt.fleet.cli.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.release.ReleaseState;

/**
 * Publishes a release: first every listed file as retained QoS 1 {@link BlobChunks}, then the
 * manifest envelope, retained QoS 1, on the device's or the fleet's release topic, so that a
 * handset that takes the manifest finds every chunk already there. When asked, waits for the
 * device's acks of exactly this envelope (subscribed to before anything is published, so a fast
 * handset's ack cannot be missed) until one reaches the state waited for, or fails.
 */
public final class ReleasePublication {

    private final BrokerSession session;

    /** @param session the connected operator session */
    public ReleasePublication(BrokerSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * One file to publish.
     *
     * @param sha256  its SHA-256, 64 lower-case hex digits (its address)
     * @param content its bytes, already checked against the digest
     */
    public record Blob(String sha256, byte[] content) {
        /** Checks the parts. */
        public Blob {
            BlobChunks.topic(sha256, 0);
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * What to wait for.
     *
     * @param device  the device whose acks count
     * @param state   the state that ends the wait (or any later one, or a failure)
     * @param timeout the longest to wait
     */
    public record Wait(String device, ReleaseState state, Duration timeout) {
        /** Checks the parts. */
        public Wait {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * What happened.
     *
     * @param delivery where the manifest went
     * @param digest   {@code sha256:<hex>} of the manifest envelope, as acks name it
     * @param files    how many distinct files were published
     * @param chunks   how many chunks
     * @param bytes    how many bytes of files
     * @param ack      the ack that ended the wait, empty when none was awaited or none came in time
     */
    public record Outcome(Topics.Delivery delivery, String digest, int files, int chunks, long bytes,
            Optional<ReleaseAck> ack) {
    }

    /**
     * @param blobs    the files the manifest lists
     * @param envelope the manifest envelope's exact bytes
     * @param device   the device, or empty for the fleet topic
     * @param wait     what to wait for, or empty not to wait
     * @param progress gets every ack of this envelope while waiting, on the calling thread
     * @return the outcome
     * @throws FleetException when the broker refuses or does not answer, or the wait is interrupted
     */
    public Outcome publish(List<Blob> blobs, byte[] envelope, Optional<String> device, Optional<Wait> wait,
            Consumer<ReleaseAck> progress) throws FleetException {
        Topics.Delivery delivery = Topics.release(device);
        String digest = Publication.digest(envelope);
        BlockingQueue<ReleaseAck> acks = new LinkedBlockingQueue<>();
        if (wait.isPresent()) {
            session.subscribe(Topics.ack(wait.get().device()), (topic, payload) -> ReleaseAck.parse(payload)
                    .filter(ack -> ack.envelope().equals(digest)).ifPresent(acks::add));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        blobs.forEach(blob -> files.putIfAbsent(blob.sha256(), blob.content()));
        int chunks = 0;
        long bytes = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            int count = BlobChunks.count(file.getValue().length);
            for (int index = 0; index < count; index++) {
                session.publish(BlobChunks.topic(file.getKey(), index), BlobChunks.chunk(file.getValue(), index), true);
            }
            chunks += count;
            bytes += file.getValue().length;
        }
        session.publish(delivery.topic(), envelope, delivery.retained());
        Optional<ReleaseAck> last = wait.isEmpty() ? Optional.empty() : await(acks, wait.get(), progress);
        return new Outcome(delivery, digest, files.size(), chunks, bytes, last);
    }

    private static Optional<ReleaseAck> await(BlockingQueue<ReleaseAck> acks, Wait wait, Consumer<ReleaseAck> progress)
            throws FleetException {
        long deadline = System.nanoTime() + wait.timeout().toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                ReleaseAck ack = left <= 0 ? null : acks.poll(left, TimeUnit.NANOSECONDS);
                if (ack == null) {
                    return Optional.empty();
                }
                progress.accept(ack);
                if (ack.state().map(state -> state.ends(wait.state())).orElse(false)) {
                    return Optional.of(ack);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while waiting for the release's acks", e);
        }
    }
}
