package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.redoubt.driver.firewalltest.Keypad;
import org.redoubt.driver.firewalltest.Modem;
import org.redoubt.runtime.firewall.RuleViolation;
import org.redoubt.runtime.firewall.RuleViolationListener;
import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.firewall.ServiceRules;
import org.redoubt.runtime.release.ReleaseRules;

/**
 * In a real Felix with the launcher's firewall: a driver service is hidden from a bundle without a
 * grant in every way the framework hands services out, granted bundles and the registrant see it,
 * the rules follow a staged candidate, a driver API package does not wire without a grant, and
 * violations reach the listeners on the firewall's thread.
 */
class ServiceFirewallTest {

    private static final String MODEM = Modem.class.getName();
    private static final String KEYPAD = Keypad.class.getName();
    private static final String API_PACKAGE = Modem.class.getPackageName();

    @TempDir
    Path storage;

    private Framework framework;
    private AdmittedReleases admitted;
    private final List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Bundle driver;
    private Bundle telephony;
    private Bundle rogue;

    @BeforeEach
    void framework() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                // The test's interfaces come from the class path, as the launcher's API does in the runtime.
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.util.tracker"));
        framework.init();
        admitted = AdmittedReleases.of(Map.of(), rules(1, new ServiceGrant("org.example.telephony",
                List.of("org.redoubt.driver.firewalltest.Modem")), new ServiceGrant("org.example.driver",
                List.of("org.redoubt.driver.firewalltest.*"))));
        FrameworkBoot.guard(framework.getBundleContext(), admitted, console::add);
        framework.start();
        driver = start("org.example.driver");
        telephony = start("org.example.telephony");
        rogue = start("org.example.rogue");
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static FirewallRules rules(long release, ServiceGrant... grants) {
        return new FirewallRules(release, new ReleaseRules(List.of(), List.of(grants)));
    }

    private Bundle start(String symbolicName, String... headers) throws Exception {
        Bundle bundle = framework.getBundleContext().installBundle("test:" + symbolicName,
                jar(symbolicName, headers));
        bundle.start();
        return bundle;
    }

    private static ByteArrayInputStream jar(String symbolicName, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        for (int i = 0; i < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private ServiceRegistration<?> registerModem() {
        Modem modem = () -> "modem-1";
        return driver.getBundleContext().registerService(MODEM, modem, null);
    }

    @Test
    void aBundleWithoutAGrantFindsNothing() throws Exception {
        registerModem();
        BundleContext context = rogue.getBundleContext();

        assertNull(context.getServiceReference(MODEM));
        assertNull(context.getServiceReferences(MODEM, null));
        assertNull(context.getAllServiceReferences(MODEM, null));
        assertNull(context.getServiceReferences((String) null, "(objectClass=" + MODEM + ")"));
        ServiceReference<?>[] everything = context.getAllServiceReferences(null, null);
        for (ServiceReference<?> reference : everything == null ? new ServiceReference<?>[0] : everything) {
            assertTrue(!List.of((String[]) reference.getProperty(Constants.OBJECTCLASS)).contains(MODEM),
                    "listing every service shows the modem");
        }
    }

    @Test
    void theRegistrantTheSystemBundleAndGrantedBundlesSeeIt() throws Exception {
        registerModem();

        ServiceReference<?> seen = telephony.getBundleContext().getServiceReference(MODEM);
        assertNotNull(seen, "granted");
        assertEquals("modem-1", ((Modem) telephony.getBundleContext().getService(seen)).id());
        assertNotNull(driver.getBundleContext().getServiceReference(MODEM), "registrant");
        assertNotNull(framework.getBundleContext().getServiceReference(MODEM), "system bundle");
    }

    @Test
    void aGrantCoversOnlyWhatItNames() throws Exception {
        driver.getBundleContext().registerService(KEYPAD, new Keypad() { }, null);

        assertNull(telephony.getBundleContext().getServiceReference(KEYPAD), "telephony is granted the modem only");
        assertNotNull(driver.getBundleContext().getServiceReference(KEYPAD));
    }

    @Test
    void aServiceTrackerAndAListenerWithoutAGrantSeeNothing() throws Exception {
        ServiceTracker<Object, Object> rogueTracker = new ServiceTracker<>(rogue.getBundleContext(), MODEM, null);
        rogueTracker.open();
        ServiceTracker<Object, Object> rogueFiltered = new ServiceTracker<>(rogue.getBundleContext(),
                rogue.getBundleContext().createFilter("(&(objectClass=" + MODEM + ")(line=1))"), null);
        rogueFiltered.open();
        BlockingQueue<ServiceEvent> rogueEvents = new LinkedBlockingQueue<>();
        rogue.getBundleContext().addServiceListener(rogueEvents::add, "(objectClass=" + MODEM + ")");
        ServiceTracker<Object, Object> granted = new ServiceTracker<>(telephony.getBundleContext(), MODEM, null);
        granted.open();

        ServiceRegistration<?> registration = driver.getBundleContext().registerService(MODEM,
                (Modem) () -> "modem-1", new java.util.Hashtable<>(Map.of("line", 1)));
        // Service events are synchronous: once the granted tracker has it, every listener was called.
        assertNotNull(granted.waitForService(5_000));
        registration.setProperties(new java.util.Hashtable<>(Map.of("line", 1, "signal", 3)));
        registration.unregister();

        assertEquals(0, rogueTracker.getTrackingCount(), "the tracker by interface never saw it");
        assertEquals(0, rogueFiltered.getTrackingCount(), "the tracker by filter (as SCR targets) never saw it");
        assertTrue(rogueEvents.isEmpty(), rogueEvents.toString());
        assertTrue(granted.getTrackingCount() >= 2, "added and removed");
    }

    @Test
    void attemptsReachTheFirstListenerOnceEachOnTheFirewallThread() throws Exception {
        registerModem();
        driver.getBundleContext().registerService(KEYPAD, new Keypad() { }, null);
        rogue.getBundleContext().getServiceReference(MODEM);
        rogue.getBundleContext().getServiceReference(MODEM);
        rogue.getBundleContext().getServiceReferences((String) null, "(objectClass=" + KEYPAD + ")");

        BlockingQueue<RuleViolation> told = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        framework.getBundleContext().registerService(RuleViolationListener.class, violation -> {
            told.add(violation);
            threads.add(Thread.currentThread().getName());
        }, null);

        List<RuleViolation> first = List.of(poll(told), poll(told));
        assertEquals(List.of("org.example.rogue", "org.example.rogue"), first.stream().map(RuleViolation::bundle).toList());
        assertEquals(List.of(MODEM, KEYPAD), first.stream().map(RuleViolation::target).toList());
        assertTrue(first.stream().allMatch(v -> v.kind() == RuleViolation.Kind.SERVICE));
        assertEquals("redoubt-firewall", threads.poll());

        rogue.getBundleContext().getServiceReference(MODEM);
        telephony.getBundleContext().getServiceReference(KEYPAD);
        RuleViolation later = poll(told);
        assertEquals("org.example.telephony", later.bundle(), "the repeat by the rogue is not told again");
        assertEquals(KEYPAD, later.target());
        assertNull(told.poll(200, TimeUnit.MILLISECONDS), "nothing else: " + told);
        assertTrue(console.stream().anyMatch(line -> line.contains("org.example.rogue") && line.contains(MODEM)),
                console.toString());
    }

    private static RuleViolation poll(BlockingQueue<RuleViolation> told) throws InterruptedException {
        RuleViolation violation = told.poll(5, TimeUnit.SECONDS);
        assertNotNull(violation, "no violation told within 5 s");
        return violation;
    }

    @Test
    void theRulesFollowACandidateInstalledLiveAndRevertWhenItIsAbandoned() throws Exception {
        registerModem();
        ServiceRules inForce = framework.getBundleContext().getService(
                framework.getBundleContext().getServiceReference(ServiceRules.class));
        assertEquals(1, inForce.release());
        assertNull(rogue.getBundleContext().getServiceReference(MODEM));

        admitted.admitCandidate(Map.of(), rules(2, new ServiceGrant("org.example.rogue", List.of(MODEM))));
        assertEquals(1, inForce.release(), "staged, not installed: the running rules stay");
        assertNull(rogue.getBundleContext().getServiceReference(MODEM));
        admitted.candidateInstalling();
        assertEquals(2, inForce.release());
        assertTrue(inForce.permits("org.example.rogue", MODEM));
        assertNotNull(rogue.getBundleContext().getServiceReference(MODEM), "the candidate grants it");
        assertNull(telephony.getBundleContext().getServiceReference(MODEM), "the candidate does not grant telephony");

        admitted.candidateAbandoned();
        assertEquals(1, inForce.release());
        assertNull(rogue.getBundleContext().getServiceReference(MODEM));
        assertNotNull(telephony.getBundleContext().getServiceReference(MODEM));
    }

    @Test
    void aBundleThatHoldsTheServiceHearsItGoAwayAfterItsGrantWasWithdrawn() throws Exception {
        ServiceRegistration<?> registration = registerModem();
        ServiceTracker<Object, Object> holder = new ServiceTracker<>(telephony.getBundleContext(), MODEM, null);
        holder.open();
        assertNotNull(holder.getService(), "granted in release 1, and got");
        BlockingQueue<ServiceEvent> rogueEvents = new LinkedBlockingQueue<>();
        rogue.getBundleContext().addServiceListener(rogueEvents::add, "(objectClass=" + MODEM + ")");

        admitted.admitCandidate(Map.of(), rules(2)); // the candidate grants nobody
        admitted.candidateInstalling();
        assertNull(telephony.getBundleContext().getServiceReference(MODEM), "no longer found");
        registration.unregister();

        assertEquals(0, holder.size(), "told that the service it holds went away");
        assertNull(holder.getService());
        assertTrue(rogueEvents.isEmpty(), "the rogue hears nothing: " + rogueEvents);
    }

    @Test
    void aDriverApiPackageWiresOnlyToGrantedBundles() throws Exception {
        start("org.example.driver.api", Constants.EXPORT_PACKAGE, API_PACKAGE + ";version=1.0.0");
        Bundle stranger = framework.getBundleContext().installBundle("test:org.example.stranger",
                jar("org.example.stranger", Constants.IMPORT_PACKAGE, API_PACKAGE));
        BundleException refused = assertThrows(BundleException.class, stranger::start);
        assertTrue(refused.getMessage().contains(API_PACKAGE), refused.getMessage());
        Bundle withRequire = framework.getBundleContext().installBundle("test:org.example.requirer",
                jar("org.example.requirer", Constants.REQUIRE_BUNDLE, "org.example.driver.api"));
        assertThrows(BundleException.class, withRequire::start, "Require-Bundle is no way around it");

        Bundle granted = start("org.example.driver", Constants.IMPORT_PACKAGE, API_PACKAGE);
        assertEquals(Bundle.ACTIVE, granted.getState());
        Bundle optional = start("org.example.optional", Constants.IMPORT_PACKAGE,
                API_PACKAGE + ";resolution:=optional");
        assertEquals(Bundle.ACTIVE, optional.getState(), "an optional import just stays unwired");
        assertTrue(console.stream().anyMatch(line -> line.contains("org.example.stranger") && line.contains("package "
                + API_PACKAGE)), console.toString());
    }

    @Test
    void aBundleOfferingCameraOrLocationDoesNotResolve() throws Exception {
        Bundle camera = framework.getBundleContext().installBundle("test:org.example.camera",
                jar("org.example.camera", Constants.PROVIDE_CAPABILITY, "redoubt.hardware;redoubt.hardware=camera"));
        assertThrows(BundleException.class, camera::start);
        Bundle location = framework.getBundleContext().installBundle("test:org.example.gps",
                jar("org.example.gps", Constants.EXPORT_PACKAGE, "javax.microedition.location"));
        assertThrows(BundleException.class, location::start);
        assertEquals(Bundle.INSTALLED, camera.getState());
        assertTrue(console.stream().anyMatch(line -> line.contains("org.example.camera")), console.toString());
    }
}
