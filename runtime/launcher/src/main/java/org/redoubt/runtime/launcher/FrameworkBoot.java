package org.redoubt.runtime.launcher;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.redoubt.runtime.slots.ReleaseSlots;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.redoubt.runtime.firewall.ServiceRules;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.redoubt.runtime.release.ReleaseBundle;
import org.redoubt.runtime.release.VerifiedRelease;

/**
 * Installs exactly the verified bytes of a release into an initialized framework, each bundle at
 * its start level, and starts the framework; bundles then start in start-level order.
 */
final class FrameworkBoot {

    /** Location prefix of every bundle the launcher installs; the rest is the symbolic name. */
    static final String LOCATION_PREFIX = "redoubt:";

    private FrameworkBoot() {
    }

    /**
     * @param framework an initialized framework with an empty storage
     * @param release   the verified release
     * @return the installed bundles by symbolic name
     * @throws BootFailure {@link ExitCode#FRAMEWORK_FAILED} when a bundle cannot be installed or
     *                     the framework cannot start
     */
    static Map<String, Bundle> start(Framework framework, VerifiedRelease release, Consumer<String> refusals)
            throws BootFailure {
        return start(framework, release, AdmittedReleases.of(admitted(release), FirewallRules.of(release.manifest())),
                null, refusals);
    }

    /**
     * @param framework an initialized framework with an empty storage
     * @param release   the verified release
     * @param admitted  what the resolver admits (the release, and later a staged candidate)
     * @param slots     offered to the release agent as {@link ReleaseSlots}; {@code null}: not offered
     * @param refusals  told once per bundle kept from resolving
     * @return the installed bundles by symbolic name
     * @throws BootFailure {@link ExitCode#FRAMEWORK_FAILED} when a bundle cannot be installed or
     *                     the framework cannot start
     */
    static Map<String, Bundle> start(Framework framework, VerifiedRelease release, AdmittedReleases admitted,
            ReleaseSlots slots, Consumer<String> refusals) throws BootFailure {
        BundleContext context = framework.getBundleContext();
        context.registerService(ResolverHookFactory.class, new ReleaseOnlyResolution(admitted, refusals), null);
        guard(context, admitted, refusals);
        if (slots != null) {
            context.registerService(ReleaseSlots.class, slots, null);
        }
        Map<String, Bundle> installed = new LinkedHashMap<>();
        for (ReleaseBundle entry : release.bundles()) {
            try {
                Bundle bundle = context.installBundle(LOCATION_PREFIX + entry.symbolicName(),
                        new ByteArrayInputStream(release.content(entry)));
                bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startLevel());
                if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                    // Persistent start: the framework starts it once its start level is reached.
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                }
                installed.put(entry.symbolicName(), bundle);
            } catch (BundleException | RuntimeException e) {
                throw new BootFailure(ExitCode.FRAMEWORK_FAILED,
                        "bundle " + entry.displayName() + " could not be installed: " + e.getMessage(), e);
            }
        }
        try {
            framework.start();
            // Bundles start tier by tier as the level rises to the release's highest tier.
            framework.adapt(FrameworkStartLevel.class).setStartLevel(release.manifest().frameworkStartLevel());
        } catch (BundleException | RuntimeException e) {
            throw new BootFailure(ExitCode.FRAMEWORK_FAILED, "framework failed to start: " + e.getMessage(), e);
        }
        return installed;
    }

    /**
     * Registers the service firewall on the system bundle's context, before anything of the release
     * is installed: the service hooks, the wiring rules, the {@link ServiceRules} service, and the
     * thread that tells {@code RuleViolationListener}s.
     *
     * @param context  the system bundle's context
     * @param admitted the rules in force, with the release
     * @param console  one line per violation and per bundle that offers forbidden hardware
     */
    static void guard(BundleContext context, AdmittedReleases admitted, Consumer<String> console) {
        ViolationReporter violations = new ViolationReporter(console);
        violations.open(context);
        context.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new ServiceFirewall(admitted, violations), null);
        context.registerService(ResolverHookFactory.class, new FirewallResolution(admitted, violations, console), null);
        context.registerService(ServiceRules.class, new RulesInForce(admitted), null);
    }

    /** @return what the resolver admits: each release bundle at the location it is installed at */
    static Map<String, ReleaseOnlyResolution.Admitted> admitted(VerifiedRelease release) {
        return admitted(release.bundles());
    }

    /** @return what the resolver admits of these bundles, each at the location the launcher gives it */
    static Map<String, ReleaseOnlyResolution.Admitted> admitted(java.util.List<ReleaseBundle> bundles) {
        Map<String, ReleaseOnlyResolution.Admitted> admitted = new LinkedHashMap<>();
        for (ReleaseBundle entry : bundles) {
            admitted.put(LOCATION_PREFIX + entry.symbolicName(),
                    new ReleaseOnlyResolution.Admitted(entry.symbolicName(), entry.version()));
        }
        return admitted;
    }
}
