package org.redoubt.telephony;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The network as the modem sees it. Changes are posted on {@link TelephonyEvents#NETWORK}.
 *
 * @since 1.0
 */
@ProviderType
public interface Network {

    /** @return the current status ({@link NetworkStatus#UNKNOWN} without a modem) */
    NetworkStatus status();
}
