package org.redoubt.driver.radios.internal;

import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;

/** A backend: the radio switches as the hardware has them, without any policy. */
interface RadioSwitches {

    /**
     * @param radio a radio
     * @return whether it is on now
     * @throws RadioException {@code UNAVAILABLE} when there is no such radio or it cannot be read
     */
    boolean isOn(Radio radio) throws RadioException;

    /**
     * Switches a radio. Switching Wi-Fi off leaves the network {@link #wifi()} had joined.
     *
     * @param radio a radio
     * @param on    on or off
     * @throws RadioException {@code UNAVAILABLE} when there is no such radio, {@code FAILED} when it
     *                        did not switch
     */
    void set(Radio radio, boolean on) throws RadioException;

    /** @return this backend's Wi-Fi station */
    WifiStation wifi();
}
