package org.redoubt.telephony;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Network time (NITZ) as a time source: the handset has no GPS, and the network's time zone (and, from
 * modems that report it, its time) is the one outside source. Each report is posted on
 * {@link TelephonyEvents#TIME}.
 *
 * @since 1.0
 */
@ProviderType
public interface NetworkTime {

    /**
     * One report from the network.
     *
     * @param offset     the local time zone offset the network announced
     * @param utc        the network's UTC time, when the modem reported one
     * @param receivedAt when the handset received it (its own clock)
     */
    record Report(ZoneOffset offset, Optional<Instant> utc, Instant receivedAt) {
    }

    /** @return the latest report since the modem came up, if any */
    Optional<Report> latest();
}
