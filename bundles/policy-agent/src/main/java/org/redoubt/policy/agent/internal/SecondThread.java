package org.redoubt.policy.agent.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The agent's second thread, for the two places where a document's handling has two independent
 * waits: while the agent's thread checks a co-signed document's first signature, this one checks
 * the others (see {@code DocumentVerifier(provider, checks)}), so that a 2-of-n policy costs one
 * signature check of wall time instead of two; and while the agent's thread forces an applied
 * policy's state to disk, this one forces its audit entry ({@link PolicyProcessor}), so that the
 * two forces overlap. The thread exists only while there is work and for 30 s after; once closed,
 * the work runs on the caller's thread.
 */
final class SecondThread implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;

    SecondThread() {
        pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "redoubt-policy-second");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable work) {
        try {
            pool.execute(work);
        } catch (RejectedExecutionException closed) {
            work.run();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
