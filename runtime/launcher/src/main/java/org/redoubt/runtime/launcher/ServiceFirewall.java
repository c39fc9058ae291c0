package org.redoubt.runtime.launcher;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.redoubt.runtime.firewall.RuleViolation;

/**
 * Least privilege without a SecurityManager (SECURITY.md row 16): a service registered under a
 * guarded interface is visible only to the bundle that registered it, the system bundle, and the
 * bundles the rules in force grant that interface. Hidden from everyone else in every way the
 * framework hands out services: lookups ({@link FindHook}: {@code getServiceReference(s)},
 * {@code getAllServiceReferences}, and so a {@code ServiceTracker} or SCR) and service events
 * ({@link EventListenerHook}: listeners, trackers, SCR's dynamic references). Registered on the
 * system bundle's context before the release is installed.
 *
 * <p>An attempt is reported ({@link ViolationReporter}) when the bundle asked for the guarded
 * interface by name or in its filter; a bundle that lists every service (a shell's {@code services}
 * command) just does not see it.
 *
 * <p>A bundle that holds a guarded service it may no longer see (the rules changed with a staged
 * candidate) is still told when the service goes away, so that it lets go of it.
 *
 * <p>Limits: the hooks filter what the framework hands out; a bundle that is given a service
 * object or reference by a bundle that may see it holds what it was given.
 */
final class ServiceFirewall implements FindHook, EventListenerHook {

    private final AdmittedReleases admitted;
    private final ViolationReporter violations;

    ServiceFirewall(AdmittedReleases admitted, ViolationReporter violations) {
        this.admitted = Objects.requireNonNull(admitted, "admitted");
        this.violations = Objects.requireNonNull(violations, "violations");
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (references.isEmpty()) {
            return;
        }
        Bundle asking = bundleOf(context);
        if (asking == null || asking.getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            return;
        }
        FirewallRules rules = admitted.rules();
        String symbolicName = null;
        boolean named = false;
        for (Iterator<ServiceReference<?>> it = references.iterator(); it.hasNext();) {
            ServiceReference<?> reference = it.next();
            String[] objectClass = (String[]) reference.getProperty(Constants.OBJECTCLASS);
            if (objectClass == null || !rules.guardsAny(objectClass) || asking.equals(reference.getBundle())) {
                continue;
            }
            if (!named) {
                symbolicName = asking.getSymbolicName();
                named = true;
            }
            String denied = rules.denied(asking.getBundleId(), symbolicName, objectClass);
            if (denied != null) {
                it.remove();
                if (asked(name, filter, objectClass, denied)) {
                    violations.report(rules.release(), String.valueOf(symbolicName), RuleViolation.Kind.SERVICE, denied);
                }
            }
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        String[] objectClass = (String[]) reference.getProperty(Constants.OBJECTCLASS);
        FirewallRules rules = admitted.rules();
        if (objectClass == null || !rules.guardsAny(objectClass)) {
            return;
        }
        Bundle registrant = reference.getBundle();
        // A bundle that holds the service (got it before the rules changed, e.g. when a candidate
        // that withdraws its grant was staged) must hear that it goes away, or it keeps a dead service.
        Bundle[] holders = event.getType() == ServiceEvent.UNREGISTERING
                || event.getType() == ServiceEvent.MODIFIED_ENDMATCH ? reference.getUsingBundles() : null;
        for (Iterator<Map.Entry<BundleContext, Collection<ListenerInfo>>> it = listeners.entrySet().iterator(); it
                .hasNext();) {
            Map.Entry<BundleContext, Collection<ListenerInfo>> entry = it.next();
            Bundle listening = bundleOf(entry.getKey());
            if (listening == null || listening.getBundleId() == Constants.SYSTEM_BUNDLE_ID
                    || listening.equals(registrant) || holds(holders, listening)) {
                continue;
            }
            String symbolicName = listening.getSymbolicName();
            String denied = rules.denied(listening.getBundleId(), symbolicName, objectClass);
            if (denied != null) {
                it.remove();
                if (listensFor(entry.getValue(), denied)) {
                    violations.report(rules.release(), String.valueOf(symbolicName), RuleViolation.Kind.SERVICE, denied);
                }
            }
        }
    }

    private static boolean holds(Bundle[] holders, Bundle bundle) {
        if (holders != null) {
            for (Bundle holder : holders) {
                if (holder.equals(bundle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean asked(String name, String filter, String[] objectClass, String denied) {
        if (name != null) {
            for (String offered : objectClass) {
                if (offered.equals(name)) {
                    return true;
                }
            }
        }
        return filter != null && filter.contains(denied);
    }

    private static boolean listensFor(Collection<ListenerInfo> infos, String denied) {
        for (ListenerInfo info : infos) {
            if (info.getFilter() != null && info.getFilter().contains(denied)) {
                return true;
            }
        }
        return false;
    }

    private static Bundle bundleOf(BundleContext context) {
        try {
            return context.getBundle();
        } catch (IllegalStateException stopped) {
            return null;
        }
    }
}
