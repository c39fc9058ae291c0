package org.redoubt.crypto.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The suite the handset uses for what it creates itself: its device key, its sealed storage and
 * its own signatures. Published as a service with the property {@value #PROPERTY} set to the
 * suite's name, so a consumer can also filter on it. The suite comes from configuration (PID
 * {@value #PID}, property {@value #PROPERTY} = {@code NIST} or {@code SM}; NIST when unconfigured)
 * and later from signed policy. An invalid value is never replaced by a default: the service is then
 * withdrawn, and everything that needs it stays unsatisfied and is reported by readiness.
 *
 * <p>Changing the suite affects only what is created afterwards; existing keys and sealed data
 * carry their own algorithm and stay usable.
 *
 * @since 1.0
 */
@ProviderType
public interface ActiveSuite {

    /** The configuration PID that selects the suite. */
    String PID = "org.redoubt.crypto.suite";

    /** The configuration and service property carrying the active suite's name. */
    String PROPERTY = "redoubt.crypto.suite";

    /** @return the suite for new keys, sealed storage and the handset's own signatures */
    Suite suite();
}
