package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.runtime.release.TestBundles;
import org.redoubt.runtime.slots.SlotException;

/**
 * A live install in a real Felix with the launcher's real slots and resolver hook: a good release
 * is committed; one with a bundle that fails to start, and one whose health check fails, are rolled
 * back live to exactly the running bundles, with the reason; a tampered one changes nothing.
 */
class LiveReleaseTest {

    @TempDir
    Path temp;

    private TestReleases releases;
    private HandsetFramework handset;
    private LiveRelease live;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void runningReleaseOne() throws Exception {
        releases = new TestReleases(temp);
        handset = new HandsetFramework(temp, releases.release(1, Map.of(
                "radio.jar", TestBundles.bundle("org.example.radio", "1.0.0", "driver"),
                "lib.jar", TestBundles.bundle("org.example.lib", "1.0.0", null))), releases);
        live = new LiveRelease(handset.slots.slots(), handset.converger, handset.health(List.of()),
                new InstallJournal(temp.resolve("data/state/release/journal"), Clock.systemUTC()), "org.example.agent");
    }

    @AfterEach
    void stop() throws Exception {
        handset.close();
    }

    private LiveRelease.Outcome install(long number, Path release) throws Exception {
        return live.install(number, release, (n, reached, detail) -> progress.add(reached.name()));
    }

    @Test
    void aGoodReleaseIsInstalledLiveAndCommitted() throws Exception {
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "extra.jar", TestBundles.bundle("org.example.extra", "1.0.0", null)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.COMMITTED, outcome.result(), outcome.reason());
        assertEquals(List.of("VERIFIED", "INSTALLING", "TESTING", "COMMITTED"), progress);
        assertEquals(Map.of("org.example.radio", "1.1.0", "org.example.extra", "1.0.0"), handset.running(),
                "lib, which release 2 does not list, is gone");
        assertEquals(2, handset.slots.slots().committedRelease());
        assertEquals(2, handset.slots.slots().runningRelease());
        assertTrue(Files.readString(temp.resolve("data/state/release/journal")).contains(" 2 COMMITTED"));
        assertTrue(handset.said.stream().noneMatch(line -> line.contains("not part of")), handset.said.toString());
    }

    @Test
    void anUpdatedBundleRestartsOnceNotOnceForTheUpdateAndAgainForTheRefresh() throws Exception {
        // A driver or the shell restarted twice during a call is two gaps in its services, two screens redrawn.
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.osgi.framework.SynchronousBundleListener listener = event -> {
            if ("org.example.radio".equals(event.getBundle().getSymbolicName())
                    && (event.getType() == org.osgi.framework.BundleEvent.STARTED
                            || event.getType() == org.osgi.framework.BundleEvent.STOPPED)) {
                events.add((event.getType() == org.osgi.framework.BundleEvent.STARTED ? "started " : "stopped ")
                        + event.getBundle().getVersion());
            }
        };
        handset.framework.getBundleContext().addBundleListener(listener);
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "lib.jar", TestBundles.bundle("org.example.lib", "1.0.0", null)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.COMMITTED, outcome.result(), outcome.reason());
        assertEquals(List.of("stopped 1.0.0", "started 1.1.0"), events);
    }

    @Test
    void aBundleThatFailsToStartRollsTheReleaseBackLive() throws Exception {
        Map<String, String> before = handset.running();
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "broken.jar", ActivatorBundles.bundle("org.example.broken", "1.0.0", FailingStart.class)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.ROLLED_BACK, outcome.result());
        assertTrue(outcome.reason().startsWith("START_FAILED: org.example.broken"), outcome.reason());
        assertEquals(List.of("VERIFIED", "INSTALLING", "ROLLED_BACK"), progress);
        assertEquals(before, handset.running(), "exactly release 1 again");
        assertEquals(1, handset.slots.slots().committedRelease());
        assertEquals(1, handset.slots.slots().runningRelease());
    }

    @Test
    void aFailedHealthCheckRollsTheReleaseBackLiveWithItsReason() throws Exception {
        Map<String, String> before = handset.running();
        Path two = releases.release(2, Map.of(
                "radio.jar", ActivatorBundles.bundle("org.example.radio", "1.1.0", FailingHealth.class),
                "lib.jar", TestBundles.bundle("org.example.lib", "1.0.0", null)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.ROLLED_BACK, outcome.result());
        assertEquals("HEALTH_CHECK_FAILED: radio-selftest: the radio does not answer", outcome.reason());
        assertEquals(List.of("VERIFIED", "INSTALLING", "TESTING", "ROLLED_BACK"), progress);
        assertEquals(before, handset.running());
        assertEquals(1, handset.slots.slots().committedRelease());
        // The next release may come: the abandoned candidate does not block the slot.
        Path three = releases.release(3, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.2.0", "driver")));
        assertEquals(ReleaseProgress.COMMITTED, install(3, three).result());
    }

    /** Release rules that grant org.example.radio the modem driver. */
    private static org.redoubt.runtime.release.ReleaseRules radioGetsTheModem() {
        return new org.redoubt.runtime.release.ReleaseRules(List.of(), List.of(
                new org.redoubt.runtime.firewall.ServiceGrant("org.example.radio", List.of(MODEM + "*"))));
    }

    private static final String MODEM = "org.redoubt.driver.modem.";

    @Test
    void aReleaseInstalledLiveBringsItsServiceRulesWithItsBundles() throws Exception {
        assertFalse(handset.slots.rules().permits("org.example.radio", MODEM + "AtChannel"));
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver")),
                radioGetsTheModem());

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.COMMITTED, outcome.result(), outcome.reason());
        assertEquals(2, handset.slots.rules().release());
        assertTrue(handset.slots.rules().permits("org.example.radio", MODEM + "AtChannel"));
    }

    @Test
    void aReleaseThatReplacesTheAgentItselfIsStagedForTheNextStartAndNothingRunningChanges() throws Exception {
        Map<String, String> before = handset.running();
        long rulesBefore = handset.slots.rules().release();
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "agent.jar", TestBundles.bundle("org.example.agent", "2.0.0", null)), radioGetsTheModem());

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.STAGED_FOR_RESTART, outcome.result(), outcome.reason());
        assertEquals(List.of("VERIFIED", "STAGED_FOR_RESTART"), progress);
        assertEquals(before, handset.running(), "the agent cannot swap itself: nothing changes live");
        assertEquals(rulesBefore, handset.slots.rules().release(), "nor do the service rules, until that start");
        assertFalse(handset.slots.rules().permits("org.example.radio", MODEM + "AtChannel"));
        assertEquals(1, handset.slots.slots().committedRelease());
        assertEquals(SlotException.Reason.BUSY, assertThrows(SlotException.class,
                () -> handset.slots.slots().stage(two)).reason(), "release 2 stays the candidate the next boot tests");
    }

    @Test
    void aTamperedOrOlderReleaseIsRejectedAndNothingChanges() throws Exception {
        Map<String, String> before = handset.running();
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver")));
        try (var files = Files.list(two.resolve("bundles"))) {
            Path jar = files.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(jar);
            bytes[bytes.length - 10] ^= 1;
            Files.write(jar, bytes);
        }

        LiveRelease.Outcome tampered = install(2, two);
        LiveRelease.Outcome older = install(1, releases.release(1, Map.of("radio.jar",
                TestBundles.bundle("org.example.radio", "0.9.0", "driver"))));

        assertEquals(ReleaseProgress.REJECTED, tampered.result());
        assertTrue(tampered.reason().startsWith("REJECTED: "), tampered.reason());
        assertEquals(ReleaseProgress.REJECTED, older.result());
        assertTrue(older.reason().startsWith("ROLLBACK: "), older.reason());
        assertEquals(before, handset.running());
        assertEquals(1, handset.slots.slots().committedRelease());
    }
}
