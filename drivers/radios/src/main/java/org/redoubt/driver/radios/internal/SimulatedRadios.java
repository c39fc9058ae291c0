package org.redoubt.driver.radios.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.WifiNetwork;

/**
 * The emulator's radios: switches in memory, every radio present, and a Wi-Fi station that sees a
 * configured list of networks while Wi-Fi is on and remembers the one joined. Switching Wi-Fi off
 * leaves it.
 */
final class SimulatedRadios implements RadioSwitches, WifiStation {

    private final Map<Radio, Boolean> state = new EnumMap<>(Radio.class);
    private final List<WifiNetwork> inRange;
    private WifiNetwork joined; // guarded by this; null when none

    /** A handset with no Wi-Fi network in range. */
    SimulatedRadios() {
        this(List.of());
    }

    /** @param inRange the Wi-Fi networks in range */
    SimulatedRadios(List<WifiNetwork> inRange) {
        this.inRange = List.copyOf(inRange);
    }

    @Override
    public synchronized boolean isOn(Radio radio) {
        return state.getOrDefault(radio, Boolean.FALSE);
    }

    @Override
    public synchronized void set(Radio radio, boolean on) {
        state.put(radio, on);
        if (radio == Radio.WIFI && !on) {
            joined = null;
        }
    }

    @Override
    public WifiStation wifi() {
        return this;
    }

    @Override
    public synchronized List<WifiNetwork> visible() {
        return isOn(Radio.WIFI) ? inRange : List.of();
    }

    @Override
    public synchronized void join(WifiNetwork network) throws RadioException {
        Objects.requireNonNull(network, "network");
        if (!visible().contains(network)) {
            throw new RadioException(Reason.FAILED, "no such Wi-Fi network in range (" + network.security()
                    + "; SSID and security must both match)", null);
        }
        joined = network;
    }

    @Override
    public synchronized Optional<WifiNetwork> joined() {
        return Optional.ofNullable(joined);
    }

    @Override
    public synchronized void leave() {
        joined = null;
    }
}
