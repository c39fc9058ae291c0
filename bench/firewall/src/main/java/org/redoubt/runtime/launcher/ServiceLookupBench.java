package org.redoubt.runtime.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.release.ReleaseRules;

/**
 * The cost of the service firewall on the lookup path, in a real Felix holding the handset's
 * number of services (40, from 10 bundles). Scenarios, each in a framework of its own, same run:
 * <ul>
 * <li>{@code noHooks}: plain Felix, the baseline;
 * <li>{@code emptyHooks}: a find and an event-listener hook that filter nothing: what Felix's hook
 * dispatch costs by itself;
 * <li>{@code hooksNoMatch}: the firewall's hooks registered, the service looked up not guarded;
 * <li>{@code rulesPermitted}: a guarded driver service, looked up by a granted bundle;
 * <li>{@code rulesDenied}: the same service looked up by a bundle without a grant (it gets nothing;
 * the violation was reported on the first call and is only checked against the set afterwards).
 * </ul>
 * Benchmarks: {@code getServiceReferences(interface, null)}, and opening and closing a
 * {@link ServiceTracker} by interface (a listener added, an initial lookup, the listener removed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServiceLookupBench {

    private static final String PLAIN = "org.example.bench.Clock";
    private static final String DRIVER = "org.redoubt.driver.bench.Modem";

    @Param({"noHooks", "emptyHooks", "hooksNoMatch", "rulesPermitted", "rulesDenied"})
    public String scenario;

    /**
     * What every service is registered as: a factory, so that the interfaces need no classes (Felix
     * checks the object's class only when it is got, which these benchmarks never do).
     */
    private static final ServiceFactory<Object> NEVER_GOT = new ServiceFactory<>() {
        @Override
        public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
            throw new UnsupportedOperationException("the benchmark never gets a service");
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
            // never got
        }
    };

    /** Tracks references only: the cost measured is the listener and the initial lookup. */
    private static final ServiceTrackerCustomizer<Object, ServiceReference<Object>> REFERENCES =
            new ServiceTrackerCustomizer<>() {
                @Override
                public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
                    return reference;
                }

                @Override
                public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> service) {
                    // nothing kept
                }

                @Override
                public void removedService(ServiceReference<Object> reference, ServiceReference<Object> service) {
                    // nothing kept
                }
            };

    private Path storage;
    private Framework framework;
    private BundleContext asking;
    private String name;

    @Setup(Level.Trial)
    public void framework() throws Exception {
        storage = Files.createTempDirectory("firewall-bench");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                "felix.log.level", "0"));
        framework.init();
        if (scenario.equals("emptyHooks")) {
            // What the framework's hook dispatch costs by itself: hooks that filter nothing.
            framework.getBundleContext().registerService(new String[] {FindHook.class.getName(),
                EventListenerHook.class.getName()}, new EmptyHooks(), null);
        } else if (!scenario.equals("noHooks")) {
            AdmittedReleases admitted = AdmittedReleases.of(Map.of(), new FirewallRules(1, new ReleaseRules(List.of(),
                    List.of(new ServiceGrant("org.example.telephony", List.of("org.redoubt.driver.bench.*"))))));
            FrameworkBoot.guard(framework.getBundleContext(), admitted, line -> { });
        }
        framework.start();
        Bundle driver = start("org.example.driver");
        // The rest of a handset's registry: other services, some guarded, from other bundles.
        for (int b = 0; b < 10; b++) {
            Bundle other = start("org.example.other" + b);
            for (int s = 0; s < 4; s++) {
                String service = (s % 2 == 0 ? "org.example.other" : "org.redoubt.driver.other") + b + ".Service" + s;
                other.getBundleContext().registerService(service, NEVER_GOT, null);
            }
        }
        driver.getBundleContext().registerService(PLAIN, NEVER_GOT, null);
        driver.getBundleContext().registerService(DRIVER, NEVER_GOT, null);
        Bundle telephony = start("org.example.telephony");
        Bundle rogue = start("org.example.rogue");
        switch (scenario) {
            case "noHooks", "emptyHooks", "hooksNoMatch" -> {
                asking = telephony.getBundleContext();
                name = PLAIN;
            }
            case "rulesPermitted" -> {
                asking = telephony.getBundleContext();
                name = DRIVER;
            }
            case "rulesDenied" -> {
                asking = rogue.getBundleContext();
                name = DRIVER;
            }
            default -> throw new IllegalArgumentException(scenario);
        }
        int expected = scenario.equals("rulesDenied") ? 0 : 1;
        ServiceReference<?>[] found = asking.getServiceReferences(name, null);
        ServiceTracker<Object, ServiceReference<Object>> tracker = new ServiceTracker<>(asking, name, REFERENCES);
        tracker.open();
        if ((found == null ? 0 : found.length) != expected || tracker.size() != expected) {
            throw new IllegalStateException(scenario + ": expected " + expected + " references");
        }
        tracker.close();
    }

    private Bundle start(String symbolicName) throws Exception {
        Bundle bundle = framework.getBundleContext().installBundle("bench:" + symbolicName, jar(symbolicName));
        bundle.start();
        return bundle;
    }

    private static ByteArrayInputStream jar(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Hooks that let everything through. */
    private static final class EmptyHooks implements FindHook, EventListenerHook {
        @Override
        public void find(BundleContext context, String name, String filter, boolean allServices,
                java.util.Collection<ServiceReference<?>> references) {
            // everything stays
        }

        @Override
        public void event(org.osgi.framework.ServiceEvent event,
                Map<BundleContext, java.util.Collection<org.osgi.framework.hooks.service.ListenerHook.ListenerInfo>> listeners) {
            // everyone is told
        }
    }

    @Benchmark
    public ServiceReference<?>[] lookup() throws Exception {
        return asking.getServiceReferences(name, null);
    }

    @Benchmark
    public void trackerOpenClose(Blackhole hole) {
        ServiceTracker<Object, ServiceReference<Object>> tracker = new ServiceTracker<>(asking, name, REFERENCES);
        tracker.open();
        hole.consume(tracker.size());
        tracker.close();
    }
}
