package org.redoubt.release.agent.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A transfer's deadline and its minimum throughput (SECURITY.md row 12, slow retrieval): a
 * transfer that trickles ends in a clear failure, not a hang. The throughput is judged over a
 * sliding window once the first window has passed.
 */
final class TransferWatchdog {

    private final LongSupplier nanos;
    private final long started;
    private final long deadline;
    private final long window;
    private final long minimumPerWindow;
    private final Deque<long[]> recent = new ArrayDeque<>();
    private long inWindow;

    /**
     * @param nanos              the monotonic clock ({@code System::nanoTime})
     * @param deadline           the longest the whole transfer may take
     * @param minimumBytesPerSec the least throughput accepted
     * @param window             how long the throughput is averaged over
     */
    TransferWatchdog(LongSupplier nanos, Duration deadline, long minimumBytesPerSec, Duration window) {
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.started = nanos.getAsLong();
        this.deadline = deadline.toNanos();
        this.window = window.toNanos();
        this.minimumPerWindow = (long) (minimumBytesPerSec * (window.toNanos() / 1e9));
    }

    /** @param bytes bytes that just arrived */
    void received(int bytes) {
        long now = nanos.getAsLong();
        recent.addLast(new long[] {now, bytes});
        inWindow += bytes;
        forget(now);
    }

    /**
     * @return the failure, if the transfer is past its deadline or below the minimum throughput
     *         over the last window
     */
    Optional<TransferFailure> check() {
        long now = nanos.getAsLong();
        long elapsed = now - started;
        if (elapsed > deadline) {
            return Optional.of(new TransferFailure(TransferFailure.Reason.DEADLINE, "not complete after "
                    + Duration.ofNanos(deadline).toMillis() + " ms", null));
        }
        forget(now);
        if (elapsed >= window && inWindow < minimumPerWindow) {
            return Optional.of(new TransferFailure(TransferFailure.Reason.TOO_SLOW, inWindow + " bytes in the last "
                    + Duration.ofNanos(window).toMillis() + " ms, less than the minimum " + minimumPerWindow, null));
        }
        return Optional.empty();
    }

    private void forget(long now) {
        while (!recent.isEmpty() && now - recent.peekFirst()[0] > window) {
            inWindow -= recent.removeFirst()[1];
        }
    }
}
