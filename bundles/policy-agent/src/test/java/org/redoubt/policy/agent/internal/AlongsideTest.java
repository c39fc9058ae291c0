package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work handed to a second thread runs exactly once, and its caller never waits on a thread that is elsewhere. */
class AlongsideTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void workTheOtherThreadRanIsNotRunAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<String> threads = new ArrayList<>();
        Alongside work = Alongside.start(() -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread().getName());
        }, other);
        other.submit(() -> { }).get(10, TimeUnit.SECONDS); // the other thread has run it by now

        work.finish();

        assertEquals(1, runs.get());
        assertFalse(threads.contains(Thread.currentThread().getName()));
    }

    @Test
    void workTheOtherThreadHasNotBegunIsRunByTheCaller() {
        List<Runnable> dropped = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        Alongside work = Alongside.start(() -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread());
        }, dropped::add); // a thread that never gets to it, as a closed or busy one

        work.finish();
        dropped.forEach(Runnable::run); // should it get to it after all: nothing happens twice

        assertEquals(1, runs.get());
        assertEquals(List.of(Thread.currentThread()), threads);
    }

    @Test
    void theCallerWaitsForWorkTheOtherThreadIsRunning() throws Exception {
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Alongside work = Alongside.start(() -> {
            begun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runs.incrementAndGet();
        }, other);
        assertTrue(begun.await(10, TimeUnit.SECONDS));

        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> finished = caller.submit(work::finish);
            assertThrows(java.util.concurrent.TimeoutException.class, () -> finished.get(100, TimeUnit.MILLISECONDS),
                    "finish returned while the work was still running");
            release.countDown();
            finished.get(10, TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
        }
        assertEquals(1, runs.get());
    }

    @Test
    void whatTheWorkThrewReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("the log is closed");
        Alongside work = Alongside.start(() -> {
            throw failure;
        }, other);

        assertSame(failure, assertThrows(IllegalStateException.class, work::finish));
    }
}
