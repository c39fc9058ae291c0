package org.redoubt.release.agent.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a driver whose hardware is not there: its bundle never becomes active. */
public final class FailingStart implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("no such hardware on this handset");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
