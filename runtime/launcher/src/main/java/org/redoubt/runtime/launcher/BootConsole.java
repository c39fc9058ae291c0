package org.redoubt.runtime.launcher;

import java.io.PrintStream;

import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * The launcher's own output. Standard output carries only machine-readable lines, each
 * {@code REDOUBT <EVENT> <json>} ({@code READY}, {@code NOT-READY}, {@code FAILED}, {@code STOPPED});
 * standard error carries human-readable messages prefixed {@code redoubt: } and the log lines.
 */
final class BootConsole {

    private final PrintStream out;
    private final PrintStream err;

    BootConsole(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Prints one machine-readable event line. */
    void event(String event, JsonObject detail) {
        synchronized (out) {
            out.println("REDOUBT " + event + " " + JsonWriter.compact().write(detail));
            out.flush();
        }
    }

    /** Prints a human-readable message to standard error. */
    void message(String text) {
        synchronized (err) {
            for (String line : text.split("\n")) {
                err.println("redoubt: " + line);
            }
            err.flush();
        }
    }
}
