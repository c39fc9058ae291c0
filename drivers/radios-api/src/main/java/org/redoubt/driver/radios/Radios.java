package org.redoubt.driver.radios;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The radio switches. Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface Radios {

    /**
     * @param radio a radio
     * @return whether it is on, as the hardware reports it now
     * @throws RadioException {@code UNAVAILABLE} when the handset has no such radio or its state
     *                        cannot be read
     */
    boolean isOn(Radio radio) throws RadioException;

    /**
     * Switches a radio and checks that the hardware followed.
     *
     * @param radio a radio
     * @param on    on or off
     * @throws RadioException {@code UNAVAILABLE} when the handset has no such radio,
     *                        {@code FAILED} when the switch could not be written or did not take
     */
    void set(Radio radio, boolean on) throws RadioException;
}
