package org.redoubt.release.agent.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.redoubt.health.api.HealthCheck;
import org.redoubt.health.api.HealthResult;
import org.redoubt.health.api.ReadinessReport;

/**
 * Decides whether a release just installed live works. Within the window the release must become
 * ready (every bundle active, every enabled component satisfied, as the health bundle's
 * {@code Readiness} reports it); then every health check the bundles registered and every probe
 * (an MQTT round trip) must pass once. The first failure is the reason of the rollback.
 */
final class HealthWindow {

    /** A check the agent itself adds, such as a round trip through the broker. */
    @FunctionalInterface
    interface Probe {
        /** @return empty when it passed, else why not */
        Optional<String> run();
    }

    private final Supplier<Optional<ReadinessReport>> readiness;
    private final Supplier<Map<String, HealthCheck>> checks;
    private final List<Probe> probes;
    private final Duration window;
    private final Duration poll;
    private final Ticker ticker;

    /** Time for the window, injected so tests do not wait. */
    interface Ticker {
        /** @return a monotonic time in nanoseconds */
        long nanos();

        /** Waits a little before the next look. */
        void pause(Duration duration) throws InterruptedException;

        /** The machine's monotonic clock. */
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void pause(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }

    /**
     * @param readiness the health bundle's report now; empty when the health bundle is not running
     * @param checks    the registered health checks by name
     * @param probes    the agent's own checks
     * @param window    how long the release has to become ready
     * @param poll      how often readiness is looked at
     * @param ticker    the clock
     */
    HealthWindow(Supplier<Optional<ReadinessReport>> readiness, Supplier<Map<String, HealthCheck>> checks, List<Probe> probes,
            Duration window, Duration poll, Ticker ticker) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.probes = List.copyOf(probes);
        this.window = Objects.requireNonNull(window, "window");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * @return empty when the release is healthy; else the reason, starting with a code
     *         ({@code NOT_READY}, {@code HEALTH_CHECK_FAILED}, {@code PROBE_FAILED})
     * @throws InterruptedException when the agent is stopped during the window
     */
    Optional<String> judge() throws InterruptedException {
        long deadline = ticker.nanos() + window.toNanos();
        String waiting = "the health bundle is not running";
        while (true) {
            Optional<ReadinessReport> report = readiness.get();
            if (report.isPresent() && report.get().ready()) {
                break;
            }
            waiting = report.map(r -> String.join("; ", r.waitingFor().subList(0, Math.min(3, r.waitingFor().size()))))
                    .orElse(waiting);
            if (ticker.nanos() - deadline >= 0) {
                return Optional.of("NOT_READY: after " + window.toMillis() + " ms: " + waiting);
            }
            ticker.pause(poll);
        }
        for (Map.Entry<String, HealthCheck> check : checks.get().entrySet()) {
            HealthResult result;
            try {
                result = check.getValue().check();
            } catch (RuntimeException e) {
                result = HealthResult.failing("threw " + e);
            }
            if (!result.healthy()) {
                return Optional.of("HEALTH_CHECK_FAILED: " + check.getKey() + ": " + result.detail());
            }
        }
        for (Probe probe : probes) {
            Optional<String> failed = probe.run();
            if (failed.isPresent()) {
                return Optional.of("PROBE_FAILED: " + failed.get());
            }
        }
        return Optional.empty();
    }
}
