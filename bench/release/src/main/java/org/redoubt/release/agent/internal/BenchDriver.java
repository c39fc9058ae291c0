package org.redoubt.release.agent.internal;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.redoubt.health.api.HealthCheck;
import org.redoubt.health.api.HealthResult;

/**
 * The activator of the service-gap benchmark's driver bundle (copied into the bundle's jar by
 * {@link ActivatorBundles#bundle}): registers one service under an interface the system bundle
 * exports ({@link HealthCheck}, named {@value #NAME}), as a driver registers its device service, and
 * nothing else. Its start and stop cost next to nothing, so the gap measured is the framework's and
 * the agent's, not the driver's.
 */
public final class BenchDriver implements BundleActivator {

    /** The service's {@link HealthCheck#NAME_PROPERTY}. */
    public static final String NAME = "bench-driver";

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME_PROPERTY, NAME);
        context.registerService(HealthCheck.class, () -> HealthResult.HEALTHY, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
