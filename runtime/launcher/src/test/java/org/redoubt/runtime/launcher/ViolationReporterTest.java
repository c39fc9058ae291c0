package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.redoubt.runtime.firewall.RuleViolation;
import org.redoubt.runtime.firewall.RuleViolationListener;
import org.redoubt.runtime.firewall.ServiceRules;

/** Violations before any listener: the first 256 are kept for the first listener; each is told once per release. */
class ViolationReporterTest {

    @TempDir
    Path storage;

    private Framework framework;
    private ViolationReporter reporter;
    private final List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void framework() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        reporter = new ViolationReporter(this::printed);
        reporter.open(framework.getBundleContext());
    }

    /** The boot console: each line kept, and whoever waits for one woken. */
    private void printed(String line) {
        synchronized (console) {
            console.add(line);
            console.notifyAll();
        }
    }

    /** Waits up to 5 s for the console to hold what {@code condition} looks for, woken by each line. */
    private void awaitConsole(java.util.function.Predicate<List<String>> condition, String failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (console) {
            while (!condition.test(console)) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, failure + ": " + console.size() + " lines " + console);
                TimeUnit.NANOSECONDS.timedWait(console, left);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void theFirst256BeforeAnyListenerAreKeptForTheFirstOne() throws Exception {
        for (int i = 0; i < ServiceRules.MAX_PENDING_VIOLATIONS + 44; i++) {
            reporter.report(1, "org.example.rogue", RuleViolation.Kind.SERVICE, "org.redoubt.driver.x.S" + i);
        }
        // Every report has reached the firewall thread (one console line each) before a listener exists.
        awaitConsole(lines -> lines.stream().filter(line -> line.startsWith("firewall: ")).count() >= 300,
                "not every report handled within 5 s");
        BlockingQueue<RuleViolation> told = new LinkedBlockingQueue<>();
        framework.getBundleContext().registerService(RuleViolationListener.class, told::add, null);

        List<RuleViolation> got = new ArrayList<>();
        for (int i = 0; i < ServiceRules.MAX_PENDING_VIOLATIONS; i++) {
            RuleViolation violation = told.poll(5, TimeUnit.SECONDS);
            assertNotNull(violation, "only " + i + " told");
            got.add(violation);
        }
        assertNull(told.poll(200, TimeUnit.MILLISECONDS), "more than the kept ones");
        assertEquals("org.redoubt.driver.x.S0", got.get(0).target(), "oldest first");
        assertEquals("org.redoubt.driver.x.S255", got.get(255).target());
        assertTrue(console.contains("44 rule violations before the first listener were not kept"), console.toString());
    }

    @Test
    void eachDistinctAttemptIsToldOncePerRelease() throws Exception {
        BlockingQueue<RuleViolation> told = new LinkedBlockingQueue<>();
        framework.getBundleContext().registerService(RuleViolationListener.class, told::add, null);

        reporter.report(1, "org.example.rogue", RuleViolation.Kind.SERVICE, "org.redoubt.driver.modem.AtChannel");
        reporter.report(1, "org.example.rogue", RuleViolation.Kind.SERVICE, "org.redoubt.driver.modem.AtChannel");
        reporter.report(1, "org.example.rogue", RuleViolation.Kind.PACKAGE, "org.redoubt.driver.modem");
        reporter.report(2, "org.example.rogue", RuleViolation.Kind.SERVICE, "org.redoubt.driver.modem.AtChannel");

        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RuleViolation violation = told.poll(5, TimeUnit.SECONDS);
            assertNotNull(violation, "only " + got);
            got.add(violation.kind() + " " + violation.target());
        }
        assertEquals(List.of("SERVICE org.redoubt.driver.modem.AtChannel", "PACKAGE org.redoubt.driver.modem",
                "SERVICE org.redoubt.driver.modem.AtChannel"), got, "the same attempt again in release 2 is told");
        assertNull(told.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        BlockingQueue<RuleViolation> told = new LinkedBlockingQueue<>();
        framework.getBundleContext().registerService(RuleViolationListener.class, violation -> {
            throw new IllegalStateException("broken audit");
        }, null);
        framework.getBundleContext().registerService(RuleViolationListener.class, told::add, null);

        reporter.report(1, "org.example.rogue", RuleViolation.Kind.SERVICE, "org.redoubt.driver.keypad.Keypad");

        assertNotNull(told.poll(5, TimeUnit.SECONDS));
        awaitConsole(lines -> lines.stream().anyMatch(line -> line.contains("broken audit")),
                "the failure was not reported");
    }
}
