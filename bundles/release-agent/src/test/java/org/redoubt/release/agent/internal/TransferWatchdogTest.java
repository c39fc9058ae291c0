package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.redoubt.release.agent.internal.TransferFailure.Reason;

/** Slow retrieval (SECURITY.md row 12) ends in a clear failure: a deadline and a minimum throughput per window. */
class TransferWatchdogTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private TransferWatchdog watchdog() {
        return new TransferWatchdog(now::get, Duration.ofSeconds(60), 10_000, Duration.ofSeconds(2));
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aSteadyTransferIsFine() {
        TransferWatchdog watchdog = watchdog();
        for (int second = 0; second < 30; second++) {
            advance(Duration.ofSeconds(1));
            watchdog.received(12_000);
            assertTrue(watchdog.check().isEmpty(), "second " + second);
        }
    }

    @Test
    void aTrickleIsStoppedOnceAWindowHasPassed() {
        TransferWatchdog watchdog = watchdog();
        advance(Duration.ofSeconds(1));
        watchdog.received(5_000);
        assertTrue(watchdog.check().isEmpty(), "the first window has not passed yet");
        advance(Duration.ofMillis(1_500));
        watchdog.received(1_000);
        assertEquals(Reason.TOO_SLOW, watchdog.check().orElseThrow().reason());
    }

    @Test
    void aStalledTransferIsStopped() {
        TransferWatchdog watchdog = watchdog();
        advance(Duration.ofSeconds(1));
        watchdog.received(50_000);
        advance(Duration.ofSeconds(3));
        assertEquals(Reason.TOO_SLOW, watchdog.check().orElseThrow().reason());
    }

    @Test
    void theDeadlineHoldsWhateverTheThroughput() {
        TransferWatchdog watchdog = watchdog();
        for (int second = 0; second < 60; second++) {
            advance(Duration.ofSeconds(1));
            watchdog.received(100_000);
        }
        advance(Duration.ofSeconds(1));
        assertEquals(Reason.DEADLINE, watchdog.check().orElseThrow().reason());
    }
}
