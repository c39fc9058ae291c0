package org.redoubt.health.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The readiness of the running release, published as a service by the health bundle.
 *
 * <p>The service is registered as soon as the health bundle is active and its
 * {@value #READY_PROPERTY} property follows the state: it becomes {@code true} when the release is
 * ready and goes back to {@code false} when a bundle stops or a component loses a reference. The
 * counts of the latest report are published as service properties too, so that code outside the
 * framework (the launcher) can read them without loading this class.
 *
 * @since 1.0
 */
@ProviderType
public interface Readiness {

    /** Service property: {@code Boolean}, whether the release is ready now. */
    String READY_PROPERTY = "redoubt.ready";

    /** Service property: {@code Integer}, bundles in the framework (the system bundle excluded). */
    String BUNDLES_PROPERTY = "redoubt.bundles";

    /** Service property: {@code Integer}, enabled component configurations known to SCR. */
    String COMPONENTS_PROPERTY = "redoubt.components";

    /**
     * Service property: {@code String[]}, the first few lines of
     * {@link ReadinessReport#waitingFor()}, so that a launcher can say what a boot is stuck on.
     */
    String WAITING_PROPERTY = "redoubt.waiting";

    /**
     * Evaluates readiness now.
     *
     * @return the current report, never {@code null}
     */
    ReadinessReport report();
}
