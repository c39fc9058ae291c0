package org.redoubt.driver.power;

import java.util.Objects;

/**
 * The battery at one moment.
 *
 * @param level    charge in percent, 0..100
 * @param charging the charger's state
 * @param low      whether the level is at or below the low-battery threshold while not charging
 * @since 1.0
 */
public record BatteryState(int level, Charging charging, boolean low) {

    /** The charger's state, as {@code power_supply/status} reports it. */
    public enum Charging {
        /** On the charger, charging. */
        CHARGING,
        /** Running on the battery. */
        DISCHARGING,
        /** On the charger, full. */
        FULL,
        /** On the charger, not charging (too hot, or held). */
        NOT_CHARGING,
        /** Not reported. */
        UNKNOWN
    }

    /** @throws IllegalArgumentException for a level outside 0..100 */
    public BatteryState {
        if (level < 0 || level > 100) {
            throw new IllegalArgumentException("battery level is 0..100: " + level);
        }
        Objects.requireNonNull(charging, "charging");
    }
}
