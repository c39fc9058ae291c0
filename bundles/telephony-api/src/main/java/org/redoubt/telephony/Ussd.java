package org.redoubt.telephony;

import org.osgi.annotation.versioning.ProviderType;

/**
 * USSD (27.007 +CUSD), e.g. {@code *100#} for the balance. A message the network starts on its own is
 * posted on {@link TelephonyEvents#USSD}.
 *
 * @since 1.0
 */
@ProviderType
public interface Ussd {

    /**
     * @param code the service code, 1..64 of {@code 0-9 * #}
     * @return the network's answer
     * @throws TelephonyException {@code TIMEOUT}, {@code NO_NETWORK}, {@code NO_MODEM}, {@code INVALID_ARGUMENT},
     *                            {@code REFUSED}
     */
    String request(String code) throws TelephonyException;
}
