package org.redoubt.release.agent.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.redoubt.channel.ChannelListener;
import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;

/**
 * Fetches one bundle file a release lists: subscribes to its chunks on the fleet channel, stages
 * them as they come ({@link ChunkAssembler}, resumable after a power cut) and ends with the
 * verified file, or with a {@link TransferFailure} when the watchdog says the transfer is too slow
 * or too late (SECURITY.md row 12) or a chunk cannot belong to the file (row 5). Runs on the
 * caller's thread; chunks arrive on the channel's thread and are queued.
 */
final class BlobFetch {

    /** How the watchdog judges a transfer. */
    record Limits(Duration deadline, long minimumBytesPerSecond, Duration window) {
        Limits {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(window, "window");
        }
    }

    private static final Duration LOOK = Duration.ofMillis(200);
    /** A resumed transfer subscribes chunk by chunk up to this many missing chunks. */
    private static final int MAX_CHUNK_SUBSCRIPTIONS = 64;

    private final FleetChannel channel;
    private final Path staging;
    private final Limits limits;
    private final LongSupplier nanos;

    /**
     * @param channel the fleet channel
     * @param staging where files are staged ({@code <digest>.part}, {@code .chunks}, {@code .blob})
     * @param limits  the watchdog's deadline and minimum throughput
     * @param nanos   the monotonic clock
     */
    BlobFetch(FleetChannel channel, Path staging, Limits limits, LongSupplier nanos) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.staging = Objects.requireNonNull(staging, "staging");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    /**
     * @param spec     the file as the signed release lists it
     * @param received told the bytes staged so far, after each new chunk
     * @return the verified file in the staging area
     * @throws TransferFailure when the transfer fails; the staging area keeps what arrived whole
     *                         (except after {@code DIGEST_MISMATCH}, which deletes it)
     * @throws InterruptedException when the agent stops
     */
    Path fetch(BlobSpec spec, LongConsumer received) throws TransferFailure, InterruptedException {
        Path done = staging.resolve(spec.digest() + ".blob");
        if (Files.isRegularFile(done)) {
            // Staged whole and checked before; the launcher checks every byte again when staging.
            return done;
        }
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        TransferWatchdog watchdog = new TransferWatchdog(nanos, limits.deadline(), limits.minimumBytesPerSecond(),
                limits.window());
        List<Subscription> subscriptions = new ArrayList<>();
        try (ChunkAssembler assembler = ChunkAssembler.open(staging, spec)) {
            ChannelListener listener = (topic, payload) -> chunks.add(new Chunk(spec.indexOf(topic), payload));
            int[] missing = assembler.missing();
            if (missing.length < spec.chunks() && missing.length <= MAX_CHUNK_SUBSCRIPTIONS) {
                // A resumed transfer asks only for what it lacks.
                for (int index : missing) {
                    subscriptions.add(channel.subscribe(spec.topic(index), listener));
                }
            } else {
                subscriptions.add(channel.subscribe(spec.filter(), listener));
            }
            long staged = stagedBytes(spec, assembler);
            while (!assembler.complete()) {
                Chunk chunk = chunks.poll(LOOK.toMillis(), TimeUnit.MILLISECONDS);
                if (chunk != null && assembler.accept(chunk.index(), chunk.bytes())) {
                    watchdog.received(chunk.bytes().length);
                    staged += chunk.bytes().length;
                    received.accept(staged);
                }
                Optional<TransferFailure> failure = watchdog.check();
                if (failure.isPresent() && !assembler.complete()) {
                    throw failure.get();
                }
            }
            return assembler.finish();
        } finally {
            subscriptions.forEach(Subscription::close);
        }
    }

    private static long stagedBytes(BlobSpec spec, ChunkAssembler assembler) {
        long missing = 0;
        for (int index : assembler.missing()) {
            missing += spec.lengthOf(index);
        }
        return spec.size() - missing;
    }

    private record Chunk(int index, byte[] bytes) {
    }
}
