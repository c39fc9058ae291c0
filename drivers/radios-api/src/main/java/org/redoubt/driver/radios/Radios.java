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
     * Switches a radio and checks that the hardware followed. Switching off is always allowed;
     * switching on only when {@link #isAllowed(Radio)}.
     *
     * @param radio a radio
     * @param on    on or off
     * @throws RadioException {@code DISABLED_BY_POLICY} when switching on a radio the policy
     *                        disables (nothing is written), {@code UNAVAILABLE} when the handset
     *                        has no such radio, {@code FAILED} when the switch could not be written
     *                        or did not take
     */
    void set(Radio radio, boolean on) throws RadioException;

    /**
     * Whether the handset's policy lets this radio be switched on. A radio the policy disables is
     * off and stays off; the shell shows it as managed. Says nothing about whether the handset
     * has the radio.
     *
     * @param radio a radio
     * @return {@code false} when the policy disables it
     * @since 1.1
     */
    boolean isAllowed(Radio radio);
}
