package org.redoubt.driver.power.internal;

import org.redoubt.driver.power.BatteryState.Charging;

/**
 * One raw reading of the battery.
 *
 * @param level    percent
 * @param charging charger state
 */
record BatteryReading(int level, Charging charging) {
}
