package org.redoubt.log.sink.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

/** A log entry with plain values, as the Log Service would deliver it (without a bundle). */
final class TestEntry implements LogEntry {

    private final long time;
    private final LogLevel level;
    private final String loggerName;
    private final String message;
    private final Throwable exception;
    private final long sequence;
    private final int legacyLevel;

    TestEntry(long time, LogLevel level, String loggerName, String message, Throwable exception, long sequence) {
        this(time, level, loggerName, message, exception, sequence, 0);
    }

    private TestEntry(long time, LogLevel level, String loggerName, String message, Throwable exception,
            long sequence, int legacyLevel) {
        this.legacyLevel = legacyLevel;
        this.time = time;
        this.level = level;
        this.loggerName = loggerName;
        this.message = message;
        this.exception = exception;
        this.sequence = sequence;
    }

    /** An entry of logger {@code test.logger} at the given time and sequence number. */
    static TestEntry of(long sequence, LogLevel level, String message) {
        return new TestEntry(sequence * 1000, level, "test.logger", message, null, sequence);
    }

    /** An entry of the given logger, e.g. one the Log Service makes for a framework event. */
    static TestEntry ofLogger(String loggerName, LogLevel level, String message) {
        return new TestEntry(0, level, loggerName, message, null, 1);
    }

    /** An entry of a Log Service that gives only the legacy {@code int} level. */
    static TestEntry legacy(int level) {
        return new TestEntry(0, null, "test.logger", "legacy", null, 1, level);
    }

    @Override
    public Bundle getBundle() {
        return null;
    }

    @Override
    public ServiceReference<?> getServiceReference() {
        return null;
    }

    @Override
    @SuppressWarnings("deprecation")
    public int getLevel() {
        return legacyLevel;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public Throwable getException() {
        return exception;
    }

    @Override
    public long getTime() {
        return time;
    }

    @Override
    public LogLevel getLogLevel() {
        return level;
    }

    @Override
    public String getLoggerName() {
        return loggerName;
    }

    @Override
    public long getSequence() {
        return sequence;
    }

    @Override
    public String getThreadInfo() {
        return "main";
    }

    @Override
    public StackTraceElement getLocation() {
        return null;
    }
}
