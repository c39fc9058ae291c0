package org.redoubt.policy.agent.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The second thread of a co-signed document's verification: while the agent's thread checks the
 * first signature, this one checks the others (see {@code DocumentVerifier(provider, checks)}), so
 * that a 2-of-n policy costs one signature check of wall time instead of two. The thread exists
 * only while there is work and for 30 s after; once closed, the checks run on the caller's thread.
 */
final class SignatureChecks implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;

    SignatureChecks() {
        pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "redoubt-policy-signatures");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable check) {
        pool.execute(check);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
