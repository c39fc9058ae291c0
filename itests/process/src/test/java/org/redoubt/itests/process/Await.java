package org.redoubt.itests.process;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for something a separate process (the runtime, the broker) does in its own time: checks a
 * condition every 10 ms until it holds or the deadline passes, then fails with what was awaited and
 * what the caller says about the state.
 */
final class Await {

    /** A look at the outside world: what was found, or empty to look again. */
    @FunctionalInterface
    interface Probe<T> {
        Optional<T> look() throws Exception;
    }

    /** A condition on the outside world. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private static final long PERIOD_NANOS = 10_000_000L;

    private Await() {
    }

    /**
     * @param what    what is awaited, for the failure
     * @param timeout how long at most
     * @param probe   looked at until it finds something
     * @param context what to add to the failure (the runtime's output, the file's content)
     * @return what the probe found
     */
    static <T> T until(String what, Duration timeout, Probe<T> probe, Supplier<String> context) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.look();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s\n" + context.get());
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** {@link #until(String, Duration, Probe, Supplier)} for a condition. */
    static void until(String what, Duration timeout, Condition condition, Supplier<String> context) throws Exception {
        until(what, timeout, () -> condition.holds() ? Optional.of(Boolean.TRUE) : Optional.empty(), context);
    }
}
