package org.redoubt.release.agent.internal;

import java.util.Map;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.redoubt.health.api.HealthCheck;
import org.redoubt.health.api.HealthResult;

/** The activator of a driver that starts but reports that its hardware does not answer. */
public final class FailingHealth implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(HealthCheck.class, () -> HealthResult.failing("the radio does not answer"),
                new java.util.Hashtable<>(Map.of(HealthCheck.NAME_PROPERTY, "radio-selftest")));
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the check
    }
}
