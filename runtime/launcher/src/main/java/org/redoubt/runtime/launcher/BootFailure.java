package org.redoubt.runtime.launcher;

import java.util.Objects;

/** A boot cannot go on; carries the exit code the process ends with. */
final class BootFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    BootFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
