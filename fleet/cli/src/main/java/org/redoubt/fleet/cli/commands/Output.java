package org.redoubt.fleet.cli.commands;

import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option every command has, and how results are printed: text for people on
 * standard output, or one JSON value for scripts; a failure's one-line reason always goes to
 * standard error, and the command's exit code is then 1.
 */
public final class Output {

    /** The exit code of a failed check or bad input. */
    public static final int FAILED = 1;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON, for scripts.")
    private boolean json;

    /** @return whether JSON was asked for */
    public boolean json() {
        return json;
    }

    /**
     * @param result the result as JSON
     * @param text   the result for people
     * @return 0
     */
    public int print(JsonValue result, String text) {
        spec.commandLine().getOut().println(json ? JsonWriter.compact().write(result) : text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * @param result the result as JSON (printed only with {@code --json})
     * @param reason one line: why it failed
     * @return {@link #FAILED}
     */
    public int fail(JsonValue result, String reason) {
        if (json) {
            spec.commandLine().getOut().println(JsonWriter.compact().write(result));
            spec.commandLine().getOut().flush();
        }
        spec.commandLine().getErr().println("fleet: " + reason);
        spec.commandLine().getErr().flush();
        return FAILED;
    }
}
