package org.redoubt.log.sink.internal;

import java.io.PrintStream;
import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogReaderService;

/**
 * The runtime's log output: writes what the OSGi Log Service collects, one line per entry, to a
 * size-rotated file and to standard error.
 *
 * <p>Configured by framework properties ({@code redoubt.log.*}, see {@link LogSinkSettings}); a
 * bad value is reported as a warning line and replaced by its default, it never stops the
 * component. On activation the entries the Log Service already holds are written oldest first,
 * then new entries as they come. On deactivation the listener is removed and the file closed.
 *
 * <p>Provides no service.
 */
@Component(immediate = true)
public final class LogSinkComponent {

    private final LogReaderService reader;
    private final LogSink sink;
    private final ReplayingListener listener;

    /**
     * Activates with the framework's properties; the console and the operator stream are
     * standard error, because standard output carries the launcher's machine-readable lines.
     *
     * @param context the bundle context, read for the {@code redoubt.log.*} properties only
     * @param reader  the Log Service's reader
     */
    @Activate
    public LogSinkComponent(BundleContext context, @Reference(name = "reader") LogReaderService reader) {
        this(LogSinkSettings.parse(context::getProperty), reader, System.err, Clock.systemUTC());
    }

    /**
     * Starts listening: reports ignored settings, registers the listener, replays the history.
     * When reading the history fails, the listener is removed and the file closed again.
     *
     * @param settings the parsed settings, whose warnings are reported as notices
     * @param reader   the Log Service's reader
     * @param stderr   the console (when enabled) and the operator stream
     * @param clock    the time of the sink's own notices
     */
    LogSinkComponent(LogSinkSettings settings, LogReaderService reader, PrintStream stderr, Clock clock) {
        this.reader = reader;
        RotatingLogFile file = settings.fileOutput()
                ? new RotatingLogFile(settings.directory(), settings.fileName(), settings.maxBytes(), settings.files())
                : null;
        this.sink = new LogSink(settings.level(), new LogLineFormat(), file,
                settings.console() ? stderr : null, stderr, clock);
        settings.warnings().forEach(sink::notice);
        this.listener = new ReplayingListener(sink);
        reader.addLogListener(listener);
        try {
            listener.replay(reader.getLog());
        } catch (RuntimeException e) {
            reader.removeLogListener(listener);
            sink.close();
            throw e;
        }
    }

    /** Stops listening and closes the log file. */
    @Deactivate
    void deactivate() {
        reader.removeLogListener(listener);
        sink.close();
    }
}
