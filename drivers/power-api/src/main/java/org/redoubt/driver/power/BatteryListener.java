package org.redoubt.driver.power;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the battery changes. {@code current.low() && !previous.low()} is the low-battery
 * event. Called on the driver's thread: return quickly.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface BatteryListener {

    /**
     * @param previous the state before
     * @param current  the state now
     */
    void changed(BatteryState previous, BatteryState current);
}
