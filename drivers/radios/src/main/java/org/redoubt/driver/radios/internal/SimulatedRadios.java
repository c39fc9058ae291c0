package org.redoubt.driver.radios.internal;

import java.util.EnumMap;
import java.util.Map;

import org.redoubt.driver.radios.Radio;

/** The emulator's radios: switches in memory, every radio present. */
final class SimulatedRadios implements RadioSwitches {

    private final Map<Radio, Boolean> state = new EnumMap<>(Radio.class);

    @Override
    public synchronized boolean isOn(Radio radio) {
        return state.getOrDefault(radio, Boolean.FALSE);
    }

    @Override
    public synchronized void set(Radio radio, boolean on) {
        state.put(radio, on);
    }
}
