package org.redoubt.runtime.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Waits until the release is ready: every installed bundle is active (fragments resolved) and the
 * health bundle's readiness service says {@code redoubt.ready=true}, which covers the components.
 *
 * <p>The service is matched by filter on its interface name and properties, so the launcher needs
 * none of the health API's classes.
 */
final class ReadinessWatch {

    static final String READINESS_INTERFACE = "org.redoubt.health.api.Readiness";
    static final String READY = "redoubt.ready";
    static final String BUNDLES = "redoubt.bundles";
    static final String COMPONENTS = "redoubt.components";
    static final String WAITING = "redoubt.waiting";

    private final BundleContext context;
    private final Collection<Bundle> bundles;
    private final Object changed = new Object();

    /**
     * @param context the system bundle's context
     * @param bundles the release's bundles
     */
    ReadinessWatch(BundleContext context, Collection<Bundle> bundles) {
        this.context = context;
        this.bundles = List.copyOf(bundles);
    }

    /**
     * @param timeout how long to wait
     * @return the readiness service's properties once ready, empty when the timeout passed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<Map<String, Object>> await(Duration timeout) throws InterruptedException {
        BundleListener bundleListener = event -> signal();
        ServiceListener serviceListener = event -> signal();
        context.addBundleListener(bundleListener);
        try {
            context.addServiceListener(serviceListener, "(" + Constants.OBJECTCLASS + "=" + READINESS_INTERFACE + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is invalid", e);
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (changed) {
                while (true) {
                    Optional<Map<String, Object>> ready = readyProperties();
                    if (ready.isPresent()) {
                        return ready;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    changed.wait(Math.max(1, left / 1_000_000));
                }
            }
        } finally {
            context.removeServiceListener(serviceListener);
            context.removeBundleListener(bundleListener);
        }
    }

    /** @return what the release is still waiting for, for the NOT-READY report */
    List<String> waitingFor() {
        List<String> waiting = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (!isUp(bundle)) {
                waiting.add("bundle " + bundle.getSymbolicName() + " is not active (state " + bundle.getState() + ")");
            }
        }
        ServiceReference<?> readiness = readinessService();
        if (readiness == null) {
            waiting.add("no readiness service (is org.redoubt.health in the release and active?)");
        } else if (readiness.getProperty(WAITING) instanceof String[] lines) {
            waiting.addAll(List.of(lines));
        }
        return waiting;
    }

    private Optional<Map<String, Object>> readyProperties() {
        for (Bundle bundle : bundles) {
            if (!isUp(bundle)) {
                return Optional.empty();
            }
        }
        ServiceReference<?> readiness = readinessService();
        if (readiness != null && Boolean.TRUE.equals(readiness.getProperty(READY))) {
            return Optional.of(Map.of(
                    BUNDLES, readiness.getProperty(BUNDLES),
                    COMPONENTS, readiness.getProperty(COMPONENTS)));
        }
        return Optional.empty();
    }

    private ServiceReference<?> readinessService() {
        try {
            Filter ready = context.createFilter("(" + Constants.OBJECTCLASS + "=" + READINESS_INTERFACE + ")");
            ServiceReference<?>[] references = context.getAllServiceReferences(null, ready.toString());
            return references == null || references.length == 0 ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is invalid", e);
        }
    }

    private static boolean isUp(Bundle bundle) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return bundle.getState() == Bundle.RESOLVED;
        }
        return bundle.getState() == Bundle.ACTIVE;
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }
}
