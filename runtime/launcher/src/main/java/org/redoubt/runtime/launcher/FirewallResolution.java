package org.redoubt.runtime.launcher;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.redoubt.runtime.firewall.RuleViolation;
import org.redoubt.runtime.release.ForbiddenHardware;

/**
 * The wiring half of the firewall:
 * <ul>
 * <li>a bundle that is not granted a guarded driver API package cannot wire to it, neither by
 * {@code Import-Package} (also dynamic) nor by {@code Require-Bundle} on the bundle that exports
 * it; a bundle may always wire to its own exports;
 * <li>defence in depth behind the release verification: a bundle that offers camera or location
 * functions ({@link ForbiddenHardware}) does not resolve.
 * </ul>
 * Uses the rules in force ({@link AdmittedReleases#rules()}).
 */
final class FirewallResolution implements ResolverHookFactory {

    private final AdmittedReleases admitted;
    private final ViolationReporter violations;
    private final Consumer<String> refusals;
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    FirewallResolution(AdmittedReleases admitted, ViolationReporter violations, Consumer<String> refusals) {
        this.admitted = Objects.requireNonNull(admitted, "admitted");
        this.violations = Objects.requireNonNull(violations, "violations");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        FirewallRules rules = admitted.rules();
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(revision -> forbidden(revision));
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // Not the firewall's concern.
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                String namespace = requirement.getNamespace();
                if (!PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)
                        && !BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)) {
                    return;
                }
                BundleRevision requirer = requirement.getRevision();
                Bundle bundle = requirer.getBundle();
                if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
                    return;
                }
                candidates.removeIf(capability -> {
                    if (capability.getRevision().getBundle().equals(bundle)) {
                        return false;
                    }
                    String denied = PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)
                            ? deniedPackage(rules, bundle, requirer, capability)
                            : deniedBundle(rules, bundle, requirer, capability.getRevision());
                    if (denied == null) {
                        return false;
                    }
                    violations.report(rules.release(), String.valueOf(requirer.getSymbolicName()),
                            RuleViolation.Kind.PACKAGE, denied);
                    return true;
                });
            }

            @Override
            public void end() {
                // Nothing kept between resolutions.
            }
        };
    }

    private static String deniedPackage(FirewallRules rules, Bundle bundle, BundleRevision requirer,
            BundleCapability capability) {
        Object name = capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
        if (!(name instanceof String packageName) || !rules.guards(packageName)) {
            return null;
        }
        return rules.granted(bundle.getBundleId(), requirer.getSymbolicName(), packageName) ? null : packageName;
    }

    private static String deniedBundle(FirewallRules rules, Bundle bundle, BundleRevision requirer,
            BundleRevision provider) {
        for (BundleCapability export : provider.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            String denied = deniedPackage(rules, bundle, requirer, export);
            if (denied != null) {
                return denied;
            }
        }
        return null;
    }

    private boolean forbidden(BundleRevision revision) {
        if (revision.getBundle().getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            return false;
        }
        String offered = forbiddenCapability(revision);
        if (offered != null && reported.add(revision.getBundle().getBundleId())) {
            refusals.accept("bundle " + revision.getSymbolicName() + " " + revision.getVersion() + " offers " + offered
                    + ", which the handset does not have; it does not resolve");
        }
        return offered != null;
    }

    private static String forbiddenCapability(BundleRevision revision) {
        for (BundleCapability capability : revision.getDeclaredCapabilities(null)) {
            String namespace = capability.getNamespace();
            if (PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)) {
                Object name = capability.getAttributes().get(namespace);
                if (name instanceof String pkg && ForbiddenHardware.isForbiddenPackage(pkg)) {
                    return "package " + pkg;
                }
            } else if ("osgi.service".equals(namespace)) {
                Object objectClass = capability.getAttributes().get(Constants.OBJECTCLASS);
                if (objectClass instanceof String single && ForbiddenHardware.isForbiddenService(single)) {
                    return "service " + single;
                }
                if (objectClass instanceof Collection<?> names) {
                    for (Object name : names) {
                        if (ForbiddenHardware.isForbiddenService(String.valueOf(name))) {
                            return "service " + name;
                        }
                    }
                }
            } else if (ForbiddenHardware.NAMESPACE.equals(namespace)) {
                Object hardware = capability.getAttributes().get(namespace);
                Collection<?> names = hardware instanceof Collection<?> list ? list : java.util.List.of(String.valueOf(hardware));
                for (Object name : names) {
                    if (ForbiddenHardware.isForbiddenHardware(String.valueOf(name))) {
                        return ForbiddenHardware.NAMESPACE + " " + name;
                    }
                }
            }
        }
        return null;
    }
}
