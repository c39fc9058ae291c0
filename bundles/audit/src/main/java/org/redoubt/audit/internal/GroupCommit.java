package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Makes written bytes durable with as few {@code force} calls as possible. A thread that needs its
 * bytes on disk returns at once if they are; waits if a force that began after its bytes were
 * written is under way (that force covers them); and otherwise forces the file itself, covering
 * everything written so far, also while one earlier force (begun before its write, so not covering
 * it) is still running, so that it does not wait a whole force for its turn. At most
 * {@value #MAX_IN_FLIGHT} forces run at once: more would flush the same few lines again instead
 * of letting later appenders share the next force (bench/README.md, audit benchmark).
 */
final class GroupCommit {

    private static final int MAX_IN_FLIGHT = 2;

    private final FileChannel channel;
    private long written;
    private long durable;
    /** The most bytes a force under way or done covers. */
    private long covered;
    private int inFlight;

    /**
     * @param channel the file
     * @param durable how many bytes are already on disk
     */
    GroupCommit(FileChannel channel, long durable) {
        this.channel = channel;
        this.written = durable;
        this.durable = durable;
        this.covered = durable;
    }

    /** @param end the file's bytes up to here have been written (not yet forced) */
    synchronized void written(long end) {
        written = Math.max(written, end);
    }

    /** @param end the file was cut back to here after a failed write */
    synchronized void cut(long end) {
        written = end;
        durable = Math.min(durable, end);
        covered = Math.min(covered, end);
    }

    /**
     * Returns when the file's bytes up to {@code end} are on disk.
     *
     * @throws IOException when forcing failed (the bytes may or may not be on disk)
     */
    void await(long end) throws IOException {
        long target;
        synchronized (this) {
            while (durable < end && (covered >= end || inFlight >= MAX_IN_FLIGHT)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the disk", e);
                }
            }
            if (durable >= end) {
                return;
            }
            target = written;
            covered = Math.max(covered, target);
            inFlight++;
        }
        boolean done = false;
        try {
            channel.force(false);
            done = true;
        } finally {
            synchronized (this) {
                inFlight--;
                if (done) {
                    durable = Math.max(durable, target);
                } else {
                    // Those who waited for this force find out and force themselves.
                    covered = durable;
                }
                notifyAll();
            }
        }
    }
}
