package org.redoubt.policy.agent.internal;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work handed to another thread while the caller does something else, which the caller does itself
 * if that thread has not begun it by the time the caller {@link #finish finishes} it: the work runs
 * exactly once, and the caller never waits on a thread that is busy elsewhere, slow to wake, or
 * closed.
 */
final class Alongside implements Runnable {

    private final Runnable work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException failure;

    private Alongside(Runnable work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * @param work   what to run
     * @param thread the other thread
     * @return the work, handed to {@code thread}
     */
    static Alongside start(Runnable work, Executor thread) {
        Alongside alongside = new Alongside(work);
        thread.execute(alongside);
        return alongside;
    }

    @Override
    public void run() {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /**
     * Returns once the work has run: at once if it has, after it if the other thread is running it,
     * and after running it here if the other thread has not begun it.
     *
     * @throws RuntimeException what the work threw
     */
    void finish() {
        run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException thrown = failure;
        if (thrown != null) {
            throw thrown;
        }
    }
}
