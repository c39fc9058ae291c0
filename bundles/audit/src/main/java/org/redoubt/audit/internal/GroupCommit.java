package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Makes written bytes durable with as few {@code force} calls as possible: a thread that needs its
 * bytes on disk either forces the file itself, covering everything written so far, or waits for a
 * force already under way and then, if that one did not cover it, for the next. Concurrent
 * appenders therefore share one {@code fdatasync} each round.
 */
final class GroupCommit {

    private final FileChannel channel;
    private long written;
    private long durable;
    private boolean forcing;

    /**
     * @param channel the file
     * @param durable how many bytes are already on disk
     */
    GroupCommit(FileChannel channel, long durable) {
        this.channel = channel;
        this.written = durable;
        this.durable = durable;
    }

    /** @param end the file's bytes up to here have been written (not yet forced) */
    synchronized void written(long end) {
        written = Math.max(written, end);
    }

    /** @param end the file was cut back to here after a failed write */
    synchronized void cut(long end) {
        written = end;
        durable = Math.min(durable, end);
    }

    /**
     * Returns when the file's bytes up to {@code end} are on disk.
     *
     * @throws IOException when forcing failed (the bytes may or may not be on disk)
     */
    void await(long end) throws IOException {
        while (true) {
            long target;
            synchronized (this) {
                while (forcing && durable < end) {
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
                forcing = true;
                target = written;
            }
            boolean done = false;
            try {
                channel.force(false);
                done = true;
            } finally {
                synchronized (this) {
                    forcing = false;
                    if (done) {
                        durable = Math.max(durable, target);
                    }
                    notifyAll();
                }
            }
        }
    }
}
