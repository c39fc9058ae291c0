package org.redoubt.runtime.launcher;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT (Ctrl-C) into a clean framework stop, so that the process exits with
 * {@link ExitCode#OK} after every bundle has stopped, instead of the JVM's 143 or 130.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the only JDK way to handle a signal
 * without also starting the JVM's own exit sequence; where it is unavailable the launcher still
 * stops the framework from a shutdown hook.
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    /**
     * @param stop what to do on the first signal; runs on the JDK's signal thread and must not block
     * @return whether the handlers could be installed
     */
    static boolean onTerminate(Runnable stop) {
        try {
            Signal.handle(new Signal("TERM"), signal -> stop.run());
            Signal.handle(new Signal("INT"), signal -> stop.run());
            return true;
        } catch (IllegalArgumentException | LinkageError unavailable) {
            return false;
        }
    }
}
