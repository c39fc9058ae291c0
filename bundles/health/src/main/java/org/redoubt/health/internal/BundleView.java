package org.redoubt.health.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;

/**
 * What readiness needs to know about one bundle, detached from the framework so that the
 * evaluation can be tested with plain values.
 *
 * @param symbolicName the bundle symbolic name (or its location when it has none)
 * @param state        the {@link Bundle#getState()} value
 * @param fragment     whether the bundle is a fragment (fragments never become active)
 * @param lazy         whether the bundle uses the lazy activation policy (STARTING is fine then)
 * @param componentsPending whether the bundle declares DS components ({@code Service-Component})
 *                     that SCR has not loaded yet: right after a bundle becomes active, SCR's
 *                     extender has not seen it, and readiness must not be declared in that gap
 */
record BundleView(String symbolicName, int state, boolean fragment, boolean lazy, boolean componentsPending) {

    /**
     * @param bundle                a bundle
     * @param componentsKnownToScr  whether SCR reports at least one component description for it
     */
    static BundleView of(Bundle bundle, boolean componentsKnownToScr) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        boolean lazy = policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
        String name = bundle.getSymbolicName() != null ? bundle.getSymbolicName() : bundle.getLocation();
        boolean declaresComponents = bundle.getHeaders("").get("Service-Component") != null;
        return new BundleView(name, bundle.getState(), fragment, lazy, declaresComponents && !componentsKnownToScr);
    }

    /** @return a reason this bundle holds readiness back, or {@code null} when it does not */
    String waitingReason() {
        if (fragment) {
            return state == Bundle.RESOLVED ? null : "fragment " + symbolicName + " is " + stateName(state);
        }
        if (state == Bundle.ACTIVE || (lazy && state == Bundle.STARTING)) {
            return componentsPending ? "bundle " + symbolicName + " has components SCR has not loaded yet" : null;
        }
        return "bundle " + symbolicName + " is " + stateName(state);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
