package org.redoubt.runtime.launcher;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.redoubt.runtime.release.ReleaseBundle;
import org.redoubt.runtime.release.VerifiedRelease;

/**
 * Creates the framework through the standard {@link FrameworkFactory} and installs exactly the
 * verified bytes of a release, each bundle at its start level.
 */
final class FrameworkBoot {

    /** Location prefix of every bundle the launcher installs; the rest is the symbolic name. */
    static final String LOCATION_PREFIX = "redoubt:";

    private final Map<String, String> properties;

    /** @param properties the framework properties, including storage and beginning start level */
    FrameworkBoot(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /**
     * Installs the release and starts the framework; bundles start in start-level order.
     *
     * @param release  the verified release
     * @param listener receives framework events (errors while starting bundles, for example)
     * @return the started framework and the installed bundles by symbolic name
     * @throws BootFailure {@link ExitCode#FRAMEWORK_FAILED} when the framework cannot start or a
     *                     bundle cannot be installed; the framework is stopped again then
     */
    Booted start(VerifiedRelease release, FrameworkListener listener) throws BootFailure {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, FrameworkBoot.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new BootFailure(ExitCode.FRAMEWORK_FAILED,
                        "no OSGi framework on the class path (org.apache.felix.framework.jar missing from lib/)",
                        null));
        Framework framework = factory.newFramework(properties);
        try {
            framework.init(listener);
            Map<String, Bundle> installed = install(framework.getBundleContext(), release);
            framework.start();
            return new Booted(framework, installed);
        } catch (BundleException | RuntimeException e) {
            stopQuietly(framework);
            throw new BootFailure(ExitCode.FRAMEWORK_FAILED, "framework failed to start: " + e.getMessage(), e);
        } catch (BootFailure e) {
            stopQuietly(framework);
            throw e;
        }
    }

    private static Map<String, Bundle> install(BundleContext context, VerifiedRelease release) throws BootFailure {
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
        return installed;
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The boot already failed; the failure being reported is the one that matters.
        }
    }

    /**
     * A running framework and the bundles the launcher installed into it.
     *
     * @param framework the framework
     * @param bundles   the release's bundles by symbolic name
     */
    record Booted(Framework framework, Map<String, Bundle> bundles) {
    }
}
