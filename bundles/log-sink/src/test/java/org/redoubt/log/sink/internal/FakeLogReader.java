package org.redoubt.log.sink.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.Enumeration;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * A Log Service reader holding a fixed history. {@link #getLog()} returns it newest first, like the
 * real one, after running an optional action that stands for entries logged concurrently.
 */
final class FakeLogReader implements LogReaderService {

    final List<LogListener> listeners = new CopyOnWriteArrayList<>();
    private final List<LogEntry> oldestFirst;
    private final Consumer<FakeLogReader> duringGetLog;

    FakeLogReader(List<LogEntry> oldestFirst, Consumer<FakeLogReader> duringGetLog) {
        this.oldestFirst = List.copyOf(oldestFirst);
        this.duringGetLog = duringGetLog;
    }

    /** Delivers an entry to every listener, as the Log Service does for a new entry. */
    void deliver(LogEntry entry) {
        listeners.forEach(listener -> listener.logged(entry));
    }

    @Override
    public void addLogListener(LogListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeLogListener(LogListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Enumeration<LogEntry> getLog() {
        duringGetLog.accept(this);
        List<LogEntry> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        return Collections.enumeration(newestFirst);
    }
}
