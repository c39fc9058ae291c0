package org.redoubt.release.agent.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.redoubt.health.api.HealthCheck;
import org.redoubt.health.api.ReadinessReport;
import org.redoubt.runtime.launcher.TestSlots;

/**
 * A handset's framework for tests: a real Felix running release 1 as the launcher would boot it,
 * with the launcher's real slots and resolver hook.
 */
final class HandsetFramework implements AutoCloseable {

    final TestSlots slots;
    final Framework framework;
    final BundleSetConverger converger;
    final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

    HandsetFramework(Path work, Path releaseOne, TestReleases releases) throws Exception {
        slots = TestSlots.provision(work.resolve("data"), releaseOne, releases.root, TestReleases.DEVICE,
                TestReleases.PROVIDER, said::add);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, work.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.redoubt.health.api;version=\"1.1.0\""));
        framework.init();
        framework.getBundleContext().registerService(ResolverHookFactory.class, slots.resolver(), null);
        framework.start();
        framework.adapt(FrameworkStartLevel.class).setStartLevel(10);
        converger = new BundleSetConverger(framework.getBundleContext(), Duration.ofSeconds(10), said::add);
        List<String> problems = converger.converge(slots.slots().running());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("release 1 does not boot: " + problems);
        }
    }

    /** @return the health window of this framework: its bundles' states and registered checks, and the probes */
    HealthWindow health(List<HealthWindow.Probe> probes) {
        return new HealthWindow(() -> java.util.Optional.of(readiness()), this::checks, probes, Duration.ofSeconds(5),
                Duration.ofMillis(20), HealthWindow.Ticker.SYSTEM);
    }

    /** What the health bundle would say: every release bundle active. */
    ReadinessReport readiness() {
        List<String> waiting = new ArrayList<>();
        Map<String, Bundle> bundles = converger.releaseBundles();
        bundles.values().forEach(bundle -> {
            if (bundle.getState() != Bundle.ACTIVE) {
                waiting.add(bundle.getSymbolicName() + " is not active");
            }
        });
        return new ReadinessReport(bundles.size(), 0, waiting);
    }

    private Map<String, HealthCheck> checks() {
        BundleContext context = framework.getBundleContext();
        Map<String, HealthCheck> checks = new TreeMap<>();
        try {
            for (ServiceReference<HealthCheck> reference : context.getServiceReferences(HealthCheck.class, null)) {
                checks.put(String.valueOf(reference.getProperty(HealthCheck.NAME_PROPERTY)), context.getService(reference));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return checks;
    }

    /** @return the release bundles running now: symbolic name to version (and " not active") */
    Map<String, String> running() {
        Map<String, String> bundles = new TreeMap<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getLocation().startsWith(BundleSetConverger.LOCATION_PREFIX)) {
                bundles.put(bundle.getSymbolicName(),
                        bundle.getVersion() + (bundle.getState() == Bundle.ACTIVE ? "" : " not active"));
            }
        }
        return bundles;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        slots.close();
    }
}
