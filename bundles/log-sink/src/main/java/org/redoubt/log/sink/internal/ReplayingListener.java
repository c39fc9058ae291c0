package org.redoubt.log.sink.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;

/**
 * Hands log entries to the sink, the Log Service's history first, oldest first, then live ones,
 * without a gap or a duplicate.
 *
 * <p>Register this listener, then call {@link #replay(Enumeration)} once with the history. Live
 * entries that arrive before the replay ends are held and written after the history, except those
 * the history already held (recognised by their sequence number). Listening before reading the
 * history closes the window in which an entry would be in neither.
 *
 * <p>Thread-safe: {@link #logged(LogEntry)} may be called from any thread, also during the
 * replay. No lock is held while calling the Log Service.
 */
final class ReplayingListener implements LogListener {

    private final LogSink sink;
    private final Object lock = new Object();
    private List<LogEntry> held = new ArrayList<>();  // guarded by lock; null once the replay is done
    private boolean replayStarted;                     // guarded by lock

    /** @param sink where entries are written */
    ReplayingListener(LogSink sink) {
        this.sink = sink;
    }

    @Override
    public void logged(LogEntry entry) {
        synchronized (lock) {
            if (held != null) {
                held.add(entry);
                return;
            }
        }
        sink.write(entry);
    }

    /**
     * Writes the history, then the entries held meanwhile, and lets later entries through.
     *
     * @param newestFirst the Log Service's history as {@code LogReaderService.getLog()} returns it
     * @throws IllegalStateException when called a second time
     */
    void replay(Enumeration<LogEntry> newestFirst) {
        synchronized (lock) {
            if (replayStarted) {
                throw new IllegalStateException("history already replayed");
            }
            replayStarted = true;
        }
        List<LogEntry> history = Collections.list(newestFirst);
        Collections.reverse(history);
        long lastReplayed = 0;
        for (LogEntry entry : history) {
            sink.write(entry);
            lastReplayed = Math.max(lastReplayed, entry.getSequence());
        }
        synchronized (lock) {
            for (LogEntry entry : held) {
                // Sequence 0 means the Log Service does not number entries: keep everything.
                if (lastReplayed == 0 || entry.getSequence() > lastReplayed) {
                    sink.write(entry);
                }
            }
            held = null;
        }
    }
}
