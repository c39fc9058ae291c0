package org.redoubt.driver.power;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The battery. Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface Battery {

    /** @return the last state read */
    BatteryState state();

    /** @param listener told of every change from now on, on the driver's thread */
    void addListener(BatteryListener listener);

    /** @param listener no longer told */
    void removeListener(BatteryListener listener);
}
