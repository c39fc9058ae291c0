package org.redoubt.telephony;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The SIM's PIN and PUK. PINs are 4..8 digits, PUKs 8 digits; they are passed to the modem and never
 * kept or logged. Changes are posted on {@link TelephonyEvents#SIM}.
 *
 * @since 1.0
 */
@ProviderType
public interface Sim {

    /** @return the SIM's state */
    SimState state();

    /**
     * @param pin the SIM PIN
     * @throws TelephonyException {@code WRONG_PIN} (the SIM counts it; three wrong ones need the PUK),
     *                            {@code INVALID_ARGUMENT}, {@code NO_MODEM}, {@code REFUSED}
     */
    void enterPin(String pin) throws TelephonyException;

    /**
     * @param puk    the PUK
     * @param newPin the new PIN
     * @throws TelephonyException {@code WRONG_PUK}, {@code INVALID_ARGUMENT}, {@code NO_MODEM}, {@code REFUSED}
     */
    void unblock(String puk, String newPin) throws TelephonyException;

    /**
     * @param oldPin the current PIN
     * @param newPin the new PIN
     * @throws TelephonyException {@code WRONG_PIN}, {@code INVALID_ARGUMENT}, {@code NO_MODEM}, {@code REFUSED}
     */
    void changePin(String oldPin, String newPin) throws TelephonyException;

    /**
     * @param required whether the SIM asks for its PIN at power-on
     * @param pin      the current PIN
     * @throws TelephonyException {@code WRONG_PIN}, {@code INVALID_ARGUMENT}, {@code NO_MODEM}, {@code REFUSED}
     */
    void requirePin(boolean required, String pin) throws TelephonyException;
}
