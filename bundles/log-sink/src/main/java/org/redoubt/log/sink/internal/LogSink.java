package org.redoubt.log.sink.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

/**
 * Writes log entries that pass the level threshold, one line each, to the log file and the
 * console.
 *
 * <p>The sink's own notices (ignored settings, a failed log file) go to the file and to the
 * operator stream (standard error), whatever the threshold and the console setting.
 *
 * <p>When the file fails, the failure is reported once on the operator stream, file output stops
 * and console output goes on: a broken disk must not take the runtime's log down with it.
 *
 * <p>Thread-safe: each line is written whole to every output, and lines appear in the same order
 * in the file and on the console. After {@link #close()} everything is dropped.
 */
final class LogSink {

    /** The source of the sink's own lines. */
    static final String SELF = "org.redoubt.log.sink";

    /** The logger name prefix under which the Log Service records service events. */
    static final String SERVICE_EVENTS = "Events.Service.";

    private final LogLevel threshold;
    private final LogLineFormat format;
    private final RotatingLogFile file;
    private final PrintStream console;
    private final PrintStream operator;
    private final Clock clock;

    private boolean fileFailed;  // guarded by this
    private boolean closed;      // guarded by this

    /**
     * @param threshold the least severe level written
     * @param format    the line format
     * @param file      the log file, or {@code null} for no file output; closed by {@link #close()}
     * @param console   the console, or {@code null} for no console output
     * @param operator  where the sink's own notices and failures go (standard error)
     * @param clock     the time of the sink's own notices
     */
    LogSink(LogLevel threshold, LogLineFormat format, RotatingLogFile file, PrintStream console,
            PrintStream operator, Clock clock) {
        this.threshold = threshold;
        this.format = format;
        this.file = file;
        this.console = console;
        this.operator = operator;
        this.clock = clock;
    }

    /**
     * Writes the entry if its level is at the threshold or more severe.
     *
     * @param entry an entry from the Log Service
     */
    void write(LogEntry entry) {
        if (threshold.implies(effectiveLevel(entry))) {
            String line = format.format(entry);
            synchronized (this) {
                if (closed) {
                    return;
                }
                toFile(line);
                if (console != null) {
                    console.println(line);
                }
            }
        }
    }

    /**
     * The level an entry is filtered at. The Log Service records every service registration and
     * unregistration at INFO under {@code Events.Service.<bsn>}; dozens per boot and more on every
     * hot swap. They are treated as DEBUG detail so that INFO stays readable; warnings and errors
     * among them keep their level.
     */
    static LogLevel effectiveLevel(LogEntry entry) {
        LogLevel level = LogLineFormat.levelOf(entry);
        String logger = entry.getLoggerName();
        if (level == LogLevel.INFO && logger != null && logger.startsWith(SERVICE_EVENTS)) {
            return LogLevel.DEBUG;
        }
        return level;
    }

    /**
     * Writes a warning of the sink itself, e.g. about an ignored setting.
     *
     * @param message what the operator should know; escaped like any message
     */
    void notice(String message) {
        String line = format.format(clock.millis(), LogLevel.WARN, SELF, message, null);
        synchronized (this) {
            if (closed) {
                return;
            }
            toFile(line);
            operator.println(line);
        }
    }

    /** Closes the file; later entries are dropped. A failure to close is reported, not thrown. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                operator.println(format.format(clock.millis(), LogLevel.ERROR, SELF,
                        "closing log file " + file.liveFile() + " failed", e));
            }
        }
    }

    private void toFile(String line) {
        if (file == null || fileFailed) {
            return;
        }
        try {
            file.append(line);
        } catch (IOException e) {
            fileFailed = true;
            String rest = console != null ? "; file output stopped, console output goes on" : "; file output stopped";
            operator.println(format.format(clock.millis(), LogLevel.ERROR, SELF,
                    "log file " + file.liveFile() + " failed" + rest, e));
            try {
                file.close();
            } catch (IOException closing) {
                // already reported the failure that matters; the file is unusable either way
            }
        }
    }
}
