package org.redoubt.health.api;

import java.util.List;
import java.util.Objects;

/**
 * One evaluation of readiness.
 *
 * @param bundles     bundles in the framework, the system bundle excluded
 * @param components  enabled component configurations (and descriptions still waiting for one)
 * @param waitingFor  one line per thing that is not ready yet, naming the bundle or component and
 *                    why; empty when the release is ready
 * @since 1.0
 */
public record ReadinessReport(int bundles, int components, List<String> waitingFor) {

    /** Validates and copies the arguments. */
    public ReadinessReport {
        if (bundles < 0 || components < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        waitingFor = List.copyOf(Objects.requireNonNull(waitingFor, "waitingFor"));
    }

    /** @return {@code true} when nothing is waited for */
    public boolean ready() {
        return waitingFor.isEmpty();
    }
}
