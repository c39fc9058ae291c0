package org.redoubt.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.redoubt.fleet.cli.commands.CommandTree;
import org.redoubt.fleet.cli.commands.Tool;

/**
 * One run of the fleet tool in the test's JVM, as an operator would type it: what it printed and
 * returned.
 *
 * @param exitCode what it returned
 * @param out      its standard output
 * @param err      its standard error
 */
record Run(int exitCode, String out, String err) {

    /** @return the run of {@code fleet args...} */
    static Run fleet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandTree.build(Tool.system(), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** @return the run of {@code fleet args...}, which must succeed */
    static Run ok(String... args) {
        Run run = fleet(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + " -> " + run);
        return run;
    }
}
