package org.redoubt.driver.power.internal;

import org.redoubt.driver.power.BatteryState.Charging;

/** The emulator's battery: a level and a charger state that the emulator (or a test) sets. */
final class SimulatedBattery implements BatterySource {

    private volatile BatteryReading reading = new BatteryReading(80, Charging.DISCHARGING);

    void set(int level, Charging charging) {
        reading = new BatteryReading(level, charging);
    }

    @Override
    public BatteryReading read() {
        return reading;
    }
}
