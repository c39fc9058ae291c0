package org.redoubt.driver.radios.internal;

import java.util.Objects;

import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioDevice;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.Radios;

/**
 * One radio's driver over the policy-aware switches. Once stopped it refuses everything, so that a
 * consumer holding it past the withdrawal of its service cannot reach the radio.
 */
final class RadioDriver implements RadioDevice {

    private final Radio radio;
    private final Radios switches;
    private volatile boolean stopped;

    /**
     * @param radio    the radio
     * @param switches the switches behind the policy
     */
    RadioDriver(Radio radio, Radios switches) {
        this.radio = Objects.requireNonNull(radio, "radio");
        this.switches = Objects.requireNonNull(switches, "switches");
    }

    @Override
    public Radio radio() {
        return radio;
    }

    @Override
    public boolean isOn() throws RadioException {
        running();
        return switches.isOn(radio);
    }

    @Override
    public void set(boolean on) throws RadioException {
        running();
        switches.set(radio, on);
    }

    /** Stops the driver for good; the policy has switched the radio off already. */
    void stop() {
        stopped = true;
    }

    private void running() throws RadioException {
        if (stopped) {
            throw new RadioException(Reason.DISABLED_BY_POLICY, "the " + radio + " driver is stopped: the policy"
                    + " disables " + radio, null);
        }
    }
}
