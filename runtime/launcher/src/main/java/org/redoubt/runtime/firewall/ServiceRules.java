package org.redoubt.runtime.firewall;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The service rules in force: those of the running release. Thread-safe.
 *
 * <p>A service whose interface (any of its {@code objectClass} names) matches a guarded pattern is
 * visible only to the bundle that registered it, the system bundle, and the bundles granted it.
 * The same holds for importing a guarded driver API package. Everything else is visible to every
 * bundle, as in plain OSGi.
 *
 * @since 1.0
 */
@ProviderType
public interface ServiceRules {

    /** How many violations are kept for the first listener. */
    int MAX_PENDING_VIOLATIONS = 256;

    /** @return the release the rules come from */
    long release();

    /** @return the guarded names: exact service interfaces or package prefixes ending in {@code .*} */
    List<String> guarded();

    /** @return every grant, in the manifest's order */
    List<ServiceGrant> grants();

    /**
     * @param bundle a bundle's symbolic name
     * @param name   a service interface or a package name
     * @return whether that bundle may use it
     */
    boolean permits(String bundle, String name);
}
