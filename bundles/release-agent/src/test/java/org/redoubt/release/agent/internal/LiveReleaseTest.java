package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.Target;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.health.api.HealthCheck;
import org.redoubt.health.api.ReadinessReport;
import org.redoubt.runtime.launcher.TestSlots;
import org.redoubt.runtime.release.ReleaseBuilder;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseStamp;
import org.redoubt.runtime.release.TestBundles;

/**
 * A live install in a real Felix with the launcher's real slots and resolver hook: a good release
 * is committed; one with a bundle that fails to start, and one whose health check fails, are rolled
 * back live to exactly the running bundles, with the reason; a tampered one changes nothing.
 */
class LiveReleaseTest {

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();
    private static final DeviceIdentity DEVICE = new DeviceIdentity("h-1", "field", "rdt-1");
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final ReleaseStamp STAMP = new ReleaseStamp(NOW, NOW.plusSeconds(86_400),
            new Target(Optional.empty(), Optional.empty(), Optional.of("rdt-1")));
    private static SigningKey releaseKey;
    private static TrustRoot root;

    @TempDir
    Path temp;

    private TestSlots slots;
    private Framework framework;
    private LiveRelease live;
    private final List<String> said = Collections.synchronizedList(new ArrayList<>());
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void trustRoot() throws Exception {
        releaseKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        SigningKey rootKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleEntry(1, List.of((role == Role.RELEASE ? releaseKey : rootKey).verificationKey())));
        }
        root = TrustRoot.parse(TrustRootWriter.write(1, NOW, NOW.plusSeconds(86_400), roles), PROVIDER);
    }

    @BeforeEach
    void runningReleaseOne() throws Exception {
        Path one = release(1, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.0.0", "driver"),
                "lib.jar", TestBundles.bundle("org.example.lib", "1.0.0", null)));
        slots = TestSlots.provision(temp.resolve("data"), one, root, DEVICE, PROVIDER, said::add);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, temp.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.redoubt.health.api;version=\"1.1.0\""));
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.registerService(ResolverHookFactory.class, slots.resolver(), null);
        framework.start();
        framework.adapt(FrameworkStartLevel.class).setStartLevel(10);
        BundleSetConverger converger = new BundleSetConverger(context, Duration.ofSeconds(10), said::add);
        assertEquals(List.of(), converger.converge(slots.slots().running()), "release 1 boots");
        HealthWindow health = new HealthWindow(() -> Optional.of(readiness(converger)), () -> checks(context),
                List.of(), Duration.ofSeconds(5), Duration.ofMillis(20), HealthWindow.Ticker.SYSTEM);
        live = new LiveRelease(slots.slots(), converger, health,
                new InstallJournal(temp.resolve("data/state/release/journal"), Clock.systemUTC()), "org.example.agent");
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        slots.close();
    }

    private Path release(long number, Map<String, byte[]> jars) throws Exception {
        Path directory = temp.resolve("jars-" + number + "-" + System.nanoTime());
        Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
            Files.write(directory.resolve(jar.getKey()), jar.getValue());
        }
        Path output = temp.resolve("release-" + number + "-" + System.nanoTime());
        new ReleaseBuilder(new ReleaseManifestCodec()).build(directory, output, number, "production", Map.of(), STAMP,
                List.of(releaseKey));
        return output;
    }

    /** What the health bundle would say: every release bundle active. */
    private static ReadinessReport readiness(BundleSetConverger converger) {
        List<String> waiting = new ArrayList<>();
        converger.releaseBundles().values().forEach(bundle -> {
            if (bundle.getState() != Bundle.ACTIVE) {
                waiting.add(bundle.getSymbolicName() + " is not active");
            }
        });
        return new ReadinessReport(converger.releaseBundles().size(), 0, waiting);
    }

    private static Map<String, HealthCheck> checks(BundleContext context) {
        Map<String, HealthCheck> checks = new TreeMap<>();
        try {
            for (ServiceReference<HealthCheck> reference : context.getServiceReferences(HealthCheck.class, null)) {
                checks.put(String.valueOf(reference.getProperty(HealthCheck.NAME_PROPERTY)), context.getService(reference));
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return checks;
    }

    /** @return the release bundles running now: symbolic name to version and state */
    private Map<String, String> running() {
        Map<String, String> bundles = new TreeMap<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getLocation().startsWith("redoubt:")) {
                bundles.put(bundle.getSymbolicName(), bundle.getVersion() + (bundle.getState() == Bundle.ACTIVE ? "" : " not active"));
            }
        }
        return bundles;
    }

    private LiveRelease.Outcome install(long number, Path release) throws Exception {
        return live.install(number, release, (n, reached, detail) -> progress.add(reached.name()));
    }

    @Test
    void aGoodReleaseIsInstalledLiveAndCommitted() throws Exception {
        Path two = release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "extra.jar", TestBundles.bundle("org.example.extra", "1.0.0", null)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.COMMITTED, outcome.result(), outcome.reason());
        assertEquals(List.of("VERIFIED", "INSTALLING", "TESTING", "COMMITTED"), progress);
        assertEquals(Map.of("org.example.radio", "1.1.0", "org.example.extra", "1.0.0"), running(),
                "lib, which release 2 does not list, is gone");
        assertEquals(2, slots.slots().committedRelease());
        assertEquals(2, slots.slots().runningRelease());
        assertTrue(Files.readString(temp.resolve("data/state/release/journal")).contains(" 2 COMMITTED"));
        assertTrue(said.stream().noneMatch(line -> line.contains("not part of")), said.toString());
    }

    @Test
    void aBundleThatFailsToStartRollsTheReleaseBackLive() throws Exception {
        Map<String, String> before = running();
        Path two = release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "broken.jar", ActivatorBundles.bundle("org.example.broken", "1.0.0", FailingStart.class)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.ROLLED_BACK, outcome.result());
        assertTrue(outcome.reason().startsWith("START_FAILED: org.example.broken"), outcome.reason());
        assertEquals(List.of("VERIFIED", "INSTALLING", "ROLLED_BACK"), progress);
        assertEquals(before, running(), "exactly release 1 again");
        assertEquals(1, slots.slots().committedRelease());
        assertEquals(1, slots.slots().runningRelease());
    }

    @Test
    void aFailedHealthCheckRollsTheReleaseBackLiveWithItsReason() throws Exception {
        Map<String, String> before = running();
        Path two = release(2, Map.of("radio.jar", ActivatorBundles.bundle("org.example.radio", "1.1.0", FailingHealth.class),
                "lib.jar", TestBundles.bundle("org.example.lib", "1.0.0", null)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.ROLLED_BACK, outcome.result());
        assertEquals("HEALTH_CHECK_FAILED: radio-selftest: the radio does not answer", outcome.reason());
        assertEquals(List.of("VERIFIED", "INSTALLING", "TESTING", "ROLLED_BACK"), progress);
        assertEquals(before, running());
        assertEquals(1, slots.slots().committedRelease());
        // The next release may come: the abandoned candidate does not block the slot.
        Path three = release(3, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.2.0", "driver")));
        assertEquals(ReleaseProgress.COMMITTED, install(3, three).result());
    }

    @Test
    void aReleaseThatReplacesTheAgentItselfIsStagedForTheNextStartAndNothingRunningChanges() throws Exception {
        Map<String, String> before = running();
        Path two = release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "agent.jar", TestBundles.bundle("org.example.agent", "2.0.0", null)));

        LiveRelease.Outcome outcome = install(2, two);

        assertEquals(ReleaseProgress.STAGED_FOR_RESTART, outcome.result(), outcome.reason());
        assertEquals(List.of("VERIFIED", "STAGED_FOR_RESTART"), progress);
        assertEquals(before, running(), "the agent cannot swap itself: nothing changes live");
        assertEquals(1, slots.slots().committedRelease());
        assertEquals(1, slots.slots().runningRelease());
        assertEquals(org.redoubt.runtime.slots.SlotException.Reason.BUSY, org.junit.jupiter.api.Assertions.assertThrows(
                org.redoubt.runtime.slots.SlotException.class, () -> slots.slots().stage(two)).reason(),
                "release 2 stays the candidate the next boot tests");
    }

    @Test
    void aTamperedOrOlderReleaseIsRejectedAndNothingChanges() throws Exception {
        Map<String, String> before = running();
        Path two = release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver")));
        try (var files = Files.list(two.resolve("bundles"))) {
            Path jar = files.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(jar);
            bytes[bytes.length - 10] ^= 1;
            Files.write(jar, bytes);
        }

        LiveRelease.Outcome tampered = install(2, two);
        LiveRelease.Outcome older = install(1, release(1, Map.of("radio.jar",
                TestBundles.bundle("org.example.radio", "0.9.0", "driver"))));

        assertEquals(ReleaseProgress.REJECTED, tampered.result());
        assertTrue(tampered.reason().startsWith("REJECTED: "), tampered.reason());
        assertEquals(ReleaseProgress.REJECTED, older.result());
        assertTrue(older.reason().startsWith("ROLLBACK: "), older.reason());
        assertEquals(before, running());
        assertEquals(1, slots.slots().committedRelease());
    }
}
