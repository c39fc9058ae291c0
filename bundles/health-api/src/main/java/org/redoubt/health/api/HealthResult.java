package org.redoubt.health.api;

import java.util.Objects;

/**
 * What a {@link HealthCheck} found.
 *
 * @param healthy whether it works
 * @param detail  why not, for the operator (no secrets); empty when healthy
 * @since 1.1
 */
public record HealthResult(boolean healthy, String detail) {

    /** The result of a check that passed. */
    public static final HealthResult HEALTHY = new HealthResult(true, "");

    /** Checks that the detail is present. */
    public HealthResult {
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param detail why it does not work
     * @return a failed result
     */
    public static HealthResult failing(String detail) {
        return new HealthResult(false, detail);
    }
}
