package org.redoubt.health.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's own check that it works, beyond being active with its components satisfied: a driver
 * that its hardware answers, telephony that the modem replies. Registered as a service by the
 * bundle that knows; the release agent runs every registered check during a new release's health
 * window and rolls the release back when one fails.
 *
 * <p>A check must answer within a second and must not change anything the user can see.
 *
 * @since 1.1
 */
@ConsumerType
@FunctionalInterface
public interface HealthCheck {

    /** Service property: {@code String}, a short name for the check in reports. */
    String NAME_PROPERTY = "redoubt.health.check";

    /**
     * @return the result now
     */
    HealthResult check();
}
