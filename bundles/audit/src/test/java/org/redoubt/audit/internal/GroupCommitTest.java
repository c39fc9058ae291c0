package org.redoubt.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit with a file whose forces the test holds and releases: appenders share forces, at
 * most two run at once, nobody returns before a force that began after its write, and a failed
 * force sends its waiters to force for themselves.
 */
class GroupCommitTest {

    private static final long WAIT_SECONDS = 10;

    private final HeldForces file = new HeldForces();
    private final GroupCommit commit = new GroupCommit(file, 0);
    private final ExecutorService appenders = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        file.release(100);
        appenders.shutdownNow();
    }

    @Test
    void appendersWrittenBeforeAForceBeganShareIt() throws Exception {
        commit.written(10);
        Future<?> first = appenders.submit(() -> await(10));
        file.awaitForces(1);
        commit.written(20);
        commit.written(30);
        Future<?> second = appenders.submit(() -> await(20));
        file.awaitForces(2);
        // A third appender whose line the second force covers waits for it: no third force.
        Future<?> third = appenders.submit(() -> await(30));
        assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS));
        assertEquals(2, file.forces.get());

        file.release(1);
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThrows(TimeoutException.class, () -> third.get(100, TimeUnit.MILLISECONDS),
                "returned before a force covering its line ended");
        file.release(1);
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        third.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(2, file.forces.get(), "three appenders, two forces");
    }

    @Test
    void noMoreThanTwoForcesRunAtOnce() throws Exception {
        commit.written(10);
        Future<?> first = appenders.submit(() -> await(10));
        file.awaitForces(1);
        commit.written(20);
        Future<?> second = appenders.submit(() -> await(20));
        file.awaitForces(2);
        commit.written(30);
        Future<?> third = appenders.submit(() -> await(30));
        assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS));
        assertEquals(2, file.forces.get(), "the third waits for a slot");

        file.release(1);
        file.awaitForces(3);
        file.release(2);
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        third.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void whenAForceFailsItsWaitersForceForThemselves() throws Exception {
        commit.written(10);
        Future<?> first = appenders.submit(() -> await(10));
        file.awaitForces(1);
        commit.written(20);
        Future<?> second = appenders.submit(() -> await(20));
        file.awaitForces(2);
        Future<?> waiting = appenders.submit(() -> await(20));

        file.failNext.set(1);
        file.release(1);
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> first.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IOException, failed.toString());
        file.release(5);
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        waiting.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private Void await(long end) throws IOException {
        commit.await(end);
        return null;
    }

    /** A file channel whose {@code force} blocks until the test releases it, and counts. */
    private static final class HeldForces extends FileChannel {

        final AtomicInteger forces = new AtomicInteger();
        final AtomicInteger failNext = new AtomicInteger();
        private final Semaphore permits = new Semaphore(0);
        private final BlockingQueue<Integer> started = new LinkedBlockingQueue<>();

        @Override
        public void force(boolean metaData) throws IOException {
            started.add(forces.incrementAndGet());
            try {
                if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released this force");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("disk failure");
            }
        }

        void release(int count) {
            permits.release(count);
        }

        void awaitForces(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (forces.get() < count) {
                assertTrue(System.nanoTime() < deadline, "force " + count + " never began");
                started.poll(10, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public FileChannel position(long newPosition) {
            return this;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public FileChannel truncate(long size) {
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() {
        }
    }
}
