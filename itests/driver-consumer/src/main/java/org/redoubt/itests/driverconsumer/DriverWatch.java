package org.redoubt.itests.driverconsumer;

import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

/** What the consumer component saw of one driver service type. */
@ProviderType
public interface DriverWatch {

    /** @return an id of this consumer's activation: it changes only if the consumer was restarted */
    long activation();

    /**
     * @param service the driver service's interface name
     * @return whether the consumer holds such a service now
     */
    boolean bound(String service);

    /**
     * @param service the driver service's interface name
     * @return how often it was bound
     */
    int binds(String service);

    /**
     * @param service the driver service's interface name
     * @return the last gap between losing the service and getting one again, in nanoseconds
     */
    OptionalLong lastGapNanos(String service);

    /**
     * @param service the driver service's interface name
     * @return whether the consumer could use the service after getting it back (one call succeeded)
     */
    boolean usedAfterRebind(String service);
}
