package org.redoubt.runtime.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import org.redoubt.json.JsonObject;

/** Entry point of the Redoubt runtime. Exit codes are listed in {@link ExitCode}. */
public final class Main {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path userHome;

    Main(PrintStream out, PrintStream err, Map<String, String> environment, Path userHome) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.userHome = userHome;
    }

    /**
     * @param args see {@code redoubt --help}
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        int code = new Main(System.out, System.err, System.getenv(), Path.of(System.getProperty("user.home")))
                .run(args, start);
        System.exit(code);
    }

    int run(String[] args, long startNanos) {
        BootConsole console = new BootConsole(out, err);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, environment, userHome);
        } catch (IllegalArgumentException e) {
            console.message(e.getMessage());
            err.println(LaunchOptions.USAGE);
            return ExitCode.USAGE.code();
        }
        if (options.help()) {
            out.println(LaunchOptions.USAGE);
            return ExitCode.OK.code();
        }
        try {
            return new Boot(options, console, startNanos).run().code();
        } catch (BootFailure e) {
            return fail(console, e.exitCode(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(console, ExitCode.INTERNAL_ERROR, "interrupted", e);
        } catch (RuntimeException | Error e) {
            return fail(console, ExitCode.INTERNAL_ERROR, "internal error: " + Boot.describe(e), e);
        }
    }

    private static int fail(BootConsole console, ExitCode code, String message, Throwable cause) {
        console.message(message);
        console.event("FAILED", JsonObject.builder()
                .put("exit", (long) code.code())
                .put("reason", code.name())
                .put("message", message)
                .build());
        return code.code();
    }
}
