package org.redoubt.driver.radios;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One radio's driver. It is registered, with the service property {@value #RADIO} naming its
 * {@link Radio}, only while the handset has the radio and the policy allows it. When a policy
 * disables the radio, the radio is switched off, the driver is stopped and the service withdrawn:
 * a consumer that still holds the object gets {@code DISABLED_BY_POLICY} from every method. Thread-safe.
 *
 * @since 1.3
 */
@ProviderType
public interface RadioDevice {

    /** The service property that names the radio ({@link Radio#name()}). */
    String RADIO = "radio";

    /** @return the radio this driver runs */
    Radio radio();

    /**
     * @return whether the radio is on, as the hardware reports it now
     * @throws RadioException {@code DISABLED_BY_POLICY} after the driver was stopped,
     *                        {@code UNAVAILABLE} when its state cannot be read
     */
    boolean isOn() throws RadioException;

    /**
     * @param on on or off
     * @throws RadioException {@code DISABLED_BY_POLICY} after the driver was stopped, or as
     *                        {@link Radios#set(Radio, boolean)}
     */
    void set(boolean on) throws RadioException;
}
