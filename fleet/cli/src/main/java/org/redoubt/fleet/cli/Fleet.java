package org.redoubt.fleet.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

import org.redoubt.fleet.cli.commands.CommandTree;
import org.redoubt.fleet.cli.commands.Tool;

/**
 * The operator's command-line tool, {@code fleet}. Exit code 0 when the command did what was
 * asked, 1 for bad input or a failed check (with a one-line reason on standard error), 2 for an
 * error of the tool itself.
 */
public final class Fleet {

    private Fleet() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        System.exit(CommandTree.build(Tool.system(), out, err).execute(args));
    }
}
