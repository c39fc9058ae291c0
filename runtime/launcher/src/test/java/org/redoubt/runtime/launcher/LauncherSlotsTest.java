package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.Target;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.runtime.release.ManifestAuthenticator;
import org.redoubt.runtime.release.ReleaseBuilder;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseStamp;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.TestBundles;
import org.redoubt.runtime.release.Tier;
import org.redoubt.runtime.slots.SlotException;
import org.redoubt.runtime.slots.StagedBundle;
import org.redoubt.runtime.slots.StagedRelease;

/**
 * The slots service on real files and a real Felix: staging writes the free slot and the
 * candidate into the boot record and lets the resolver admit the candidate's bundles; commit and
 * abandon end that, each on disk before it returns; bad releases change nothing.
 */
class LauncherSlotsTest {

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();
    private static final DeviceIdentity DEVICE = new DeviceIdentity("h-1", "field", "rdt-1");
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final ReleaseStamp STAMP = new ReleaseStamp(NOW, NOW.plusSeconds(86_400),
            new Target(Optional.empty(), Optional.empty(), Optional.of("rdt-1")));
    private static SigningKey releaseKey;
    private static TrustRoot root;

    @TempDir
    Path temp;

    private DataDirectory data;
    private BootRecordStore records;
    private AdmittedReleases admitted;
    private LauncherSlots slots;
    private Framework framework;
    private final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void trustRoot() throws Exception {
        releaseKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        SigningKey rootKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, new RoleEntry(1, List.of(rootKey.verificationKey())));
        roles.put(Role.RELEASE, new RoleEntry(1, List.of(releaseKey.verificationKey())));
        roles.put(Role.POLICY, new RoleEntry(1, List.of(rootKey.verificationKey())));
        roles.put(Role.COMMAND, new RoleEntry(1, List.of(rootKey.verificationKey())));
        root = TrustRoot.parse(TrustRootWriter.write(1, NOW, NOW.plusSeconds(86_400), roles), PROVIDER);
    }

    @BeforeEach
    void committedReleaseOne() throws Exception {
        data = DataDirectory.open(temp.resolve("data"));
        records = new BootRecordStore(data.bootRecord());
        BootRecord record = new BootRecord(Slot.A, 1, 1);
        records.save(record);
        admitted = AdmittedReleases.of(Map.of("redoubt:org.example.radio",
                new ReleaseOnlyResolution.Admitted("org.example.radio", "1.0.0")));
        ReleaseVerifier verifier = new ReleaseVerifier(new ReleaseManifestCodec(),
                new ManifestAuthenticator(new DocumentVerifier(PROVIDER), root, DEVICE));
        BootConsole console = new BootConsole(System.out, System.err);
        new SlotWriter().write(verifier.verify(release(1, "1.0.0")), data.slot(Slot.A));
        slots = new LauncherSlots(data, verifier, records, record, 1, Slot.A, admitted, console);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, temp.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        framework.getBundleContext().registerService(ResolverHookFactory.class,
                new ReleaseOnlyResolution(admitted, said::add), null);
        framework.start();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        data.close();
    }

    /** A signed release directory with one bundle, org.example.radio at {@code version}. */
    private Path release(long number, String version) throws Exception {
        return release(number, version, STAMP);
    }

    private Path release(long number, String version, ReleaseStamp stamp) throws Exception {
        Path jars = Files.createDirectories(temp.resolve("jars-" + number + "-" + version + "-" + System.nanoTime()));
        Files.write(jars.resolve("radio.jar"), TestBundles.bundle("org.example.radio", version, "driver"));
        Path directory = temp.resolve("release-" + number + "-" + version + "-" + System.nanoTime());
        new ReleaseBuilder(new ReleaseManifestCodec()).build(jars, directory, number, "production", Map.of(), stamp,
                List.of(releaseKey));
        return directory;
    }

    @Test
    void stagingWritesTheFreeSlotMarksTheCandidateAndAdmitsItsBundles() throws Exception {
        Bundle radio = framework.getBundleContext().installBundle("redoubt:org.example.radio",
                new ByteArrayInputStream(TestBundles.bundle("org.example.radio", "1.0.0", "driver")));
        radio.start();

        StagedRelease staged = slots.stage(release(2, "1.1.0"));

        assertEquals(2, staged.release());
        StagedBundle bundle = staged.bundles().get(0);
        assertEquals("redoubt:org.example.radio", bundle.location());
        assertEquals(Tier.DRIVER.startLevel(), bundle.startLevel());
        assertArrayEquals(Files.readAllBytes(data.slot(Slot.B).resolve("bundles").resolve(
                Files.list(data.slot(Slot.B).resolve("bundles")).findFirst().orElseThrow().getFileName())), bundle.content().read());
        assertEquals(Optional.of(new BootRecord.Candidate(Slot.B, 2, 0)), records.load().orElseThrow().candidate(),
                "a crash from now on boots the candidate in TESTING");
        // The live update to the candidate's bundle resolves; the running release is still 1.
        radio.update(new ByteArrayInputStream(bundle.content().read()));
        framework.adapt(FrameworkWiring.class).resolveBundles(List.of(radio));
        radio.start();
        assertEquals(Bundle.ACTIVE, radio.getState());
        assertEquals("1.1.0", radio.getVersion().toString());
        assertEquals(1, slots.runningRelease());
        assertEquals("1.0.0", slots.running().bundles().get(0).version(), "what a live rollback puts back");
        assertTrue(said.isEmpty(), said.toString());
    }

    @Test
    void aManifestArrivingAloneIsAuthenticatedBeforeItsFilesAreFetched() throws Exception {
        ReleaseStamp fresh = new ReleaseStamp(Instant.now(), Instant.now().plusSeconds(3600),
                new Target(Optional.empty(), Optional.empty(), Optional.of("rdt-1")));
        Path two = release(2, "1.1.0", fresh);
        byte[] envelope = Files.readAllBytes(two.resolve(ReleaseVerifier.MANIFEST));

        org.redoubt.runtime.slots.ReleaseContents contents = slots.authenticate(envelope);

        assertEquals(2, contents.release());
        assertEquals(ReleaseVerifier.MANIFEST, contents.manifest());
        assertEquals(1, contents.files().size());
        org.redoubt.runtime.slots.ReleaseContents.ReleaseFile file = contents.files().get(0);
        assertEquals(Files.size(two.resolve(file.file())), file.size());
        assertTrue(file.digest().matches("sha256:[0-9a-f]{64}"), file.digest());
        assertEquals(SlotException.Reason.EXPIRED, assertThrows(SlotException.class, () -> slots.authenticate(
                Files.readAllBytes(release(3, "1.3.0").resolve(ReleaseVerifier.MANIFEST)))).reason(),
                "signed to expire on " + STAMP.expires());
        assertEquals(SlotException.Reason.ROLLBACK, assertThrows(SlotException.class, () -> slots.authenticate(
                Files.readAllBytes(release(1, "0.9.0", fresh).resolve(ReleaseVerifier.MANIFEST)))).reason());
        envelope[envelope.length / 2] ^= 1;
        assertEquals(SlotException.Reason.REJECTED, assertThrows(SlotException.class,
                () -> slots.authenticate(envelope)).reason());
    }

    /** A signed release of org.example.radio {@code version} that grants {@code granted} the modem. */
    private Path releaseWithRules(long number, String version, String granted) throws Exception {
        Path jars = Files.createDirectories(temp.resolve("ruled-jars-" + number + "-" + System.nanoTime()));
        Files.write(jars.resolve("radio.jar"), TestBundles.bundle("org.example.radio", version, "driver"));
        Path directory = temp.resolve("ruled-release-" + number + "-" + System.nanoTime());
        new ReleaseBuilder(new ReleaseManifestCodec()).build(jars, directory, number, "production", Map.of(),
                new org.redoubt.runtime.release.ReleaseRules(List.of(), List.of(new org.redoubt.runtime.firewall
                        .ServiceGrant(granted, List.of("org.redoubt.driver.modem.*")))), STAMP, List.of(releaseKey));
        return directory;
    }

    @Test
    void aCandidateInstalledLiveBringsItsServiceRulesAndAbandoningItRestoresTheRunningOnes() throws Exception {
        assertFalse(admitted.rules().permits("org.example.radio", "org.redoubt.driver.modem.AtChannel"));
        FirewallRules running = admitted.rules();

        slots.stage(releaseWithRules(2, "1.1.0", "org.example.radio"));
        org.junit.jupiter.api.Assertions.assertSame(running, admitted.rules(),
                "staged only: the running release's rules stay in force");
        slots.installing(2);

        assertEquals(2, admitted.rules().release());
        assertTrue(admitted.rules().permits("org.example.radio", "org.redoubt.driver.modem.AtChannel"));
        slots.abandon(2, "health window failed");
        assertFalse(admitted.rules().permits("org.example.radio", "org.redoubt.driver.modem.AtChannel"));

        slots.stage(releaseWithRules(3, "1.2.0", "org.example.radio"));
        slots.installing(3);
        slots.commit(3);
        System.clearProperty(Boot.RELEASE_PROPERTY);
        System.clearProperty(Boot.PROFILE_PROPERTY);
        assertEquals(3, admitted.rules().release(), "committed: the candidate's rules are the running ones");
        assertTrue(admitted.rules().permits("org.example.radio", "org.redoubt.driver.modem.AtChannel"));
    }

    @Test
    void aCandidateStagedForTheNextBootLeavesTheRunningReleaseUnderItsOwnRules() throws Exception {
        FirewallRules running = admitted.rules();

        slots.stage(releaseWithRules(2, "1.1.0", "org.example.radio"));

        org.junit.jupiter.api.Assertions.assertSame(running, admitted.rules());
        assertFalse(admitted.rules().permits("org.example.radio", "org.redoubt.driver.modem.AtChannel"),
                "the candidate's grant waits for the boot that runs it");
        SlotException notStaged = assertThrows(SlotException.class, () -> slots.installing(3));
        assertEquals(SlotException.Reason.NO_CANDIDATE, notStaged.reason());
        org.junit.jupiter.api.Assertions.assertSame(running, admitted.rules());
    }

    @Test
    void aReleaseWithACameraBundleIsRefusedAtStageNamingTheBundle() throws Exception {
        Path jars = Files.createDirectories(temp.resolve("camera-jars"));
        Files.write(jars.resolve("radio.jar"), TestBundles.bundle("org.example.radio", "1.1.0", "driver"));
        Files.write(jars.resolve("camera.jar"), TestBundles.bundle("org.example.camera", "1.0.0", "driver",
                Map.of("Provide-Capability", "redoubt.hardware;redoubt.hardware=camera")));
        Path directory = temp.resolve("camera-release");
        FirewallRules before = admitted.rules();
        new ReleaseBuilder(new ReleaseManifestCodec()).build(jars, directory, 2, "production", Map.of(), STAMP,
                List.of(releaseKey));

        SlotException refused = assertThrows(SlotException.class, () -> slots.stage(directory));

        assertEquals(SlotException.Reason.REJECTED, refused.reason());
        assertTrue(refused.getMessage().startsWith("FORBIDDEN_HARDWARE org.example.camera 1.0.0"), refused.getMessage());
        assertEquals(Optional.empty(), records.load().orElseThrow().candidate(), "nothing staged");
        org.junit.jupiter.api.Assertions.assertSame(before, admitted.rules(), "the rules in force did not change");
    }

    @Test
    void commitMakesTheCandidateTheCommittedReleaseOnDisk() throws Exception {
        slots.stage(release(2, "1.1.0"));

        slots.commit(2);

        assertEquals("2", System.getProperty(Boot.RELEASE_PROPERTY), "bundles see the release they run now");
        System.clearProperty(Boot.RELEASE_PROPERTY);
        System.clearProperty(Boot.PROFILE_PROPERTY);
        BootRecord record = records.load().orElseThrow();
        assertEquals(Slot.B, record.committedSlot());
        assertEquals(2, record.committedRelease());
        assertEquals(Optional.empty(), record.candidate());
        assertEquals(2, slots.committedRelease());
        assertEquals(2, slots.runningRelease());
        assertEquals("1.1.0", slots.running().bundles().get(0).version());
        assertTrue(admitted.admits("redoubt:org.example.radio", "org.example.radio", "1.1.0"));
        assertFalse(admitted.admits("redoubt:org.example.radio", "org.example.radio", "1.0.0"), "release 1 is gone");
        slots.commit(2); // again: nothing to do
        SlotException older = assertThrows(SlotException.class, () -> slots.stage(release(2, "1.2.0")));
        assertEquals(SlotException.Reason.ROLLBACK, older.reason());
    }

    @Test
    void aCandidateBootedInTestingIsCommittedWithTheBundlesItRuns() throws Exception {
        ReleaseVerifier verifier = new ReleaseVerifier(new ReleaseManifestCodec(),
                new ManifestAuthenticator(new DocumentVerifier(PROVIDER), root, DEVICE));
        new SlotWriter().write(verifier.verify(release(2, "1.1.0")), data.slot(Slot.B));
        BootRecord testing = new BootRecord(Slot.A, 1, 2, Optional.of(new BootRecord.Candidate(Slot.B, 2, 1)),
                Optional.empty());
        records.save(testing);
        // As Boot sets it up for a TESTING boot: the candidate runs, and the resolver admits it as the running release.
        AdmittedReleases booted = AdmittedReleases.of(Map.of("redoubt:org.example.radio",
                new ReleaseOnlyResolution.Admitted("org.example.radio", "1.1.0")));
        LauncherSlots candidateSlots = new LauncherSlots(data, verifier, records, testing, 2, Slot.B, booted,
                new BootConsole(System.out, System.err));

        candidateSlots.commit(2);

        BootRecord record = records.load().orElseThrow();
        assertEquals(Slot.B, record.committedSlot());
        assertEquals(2, record.committedRelease());
        assertEquals(Optional.empty(), record.candidate());
        assertEquals(2, candidateSlots.runningRelease());
        assertTrue(booted.admits("redoubt:org.example.radio", "org.example.radio", "1.1.0"));
        assertEquals("1.1.0", candidateSlots.running().bundles().get(0).version());
    }

    @Test
    void abandonRemembersWhyAndTheResolverNoLongerAdmitsTheCandidate() throws Exception {
        slots.stage(release(2, "1.1.0"));

        slots.abandon(2, "HEALTH_CHECK_FAILED: radio");

        BootRecord record = records.load().orElseThrow();
        assertEquals(Slot.A, record.committedSlot());
        assertEquals(1, record.committedRelease());
        assertEquals(Optional.empty(), record.candidate());
        assertEquals(Optional.of(new BootRecord.RolledBack(2, "HEALTH_CHECK_FAILED: radio")), record.rolledBack());
        assertFalse(admitted.admits("redoubt:org.example.radio", "org.example.radio", "1.1.0"));
        assertTrue(admitted.admits("redoubt:org.example.radio", "org.example.radio", "1.0.0"));
        Bundle sideLoaded = framework.getBundleContext().installBundle("redoubt:org.example.radio",
                new ByteArrayInputStream(TestBundles.bundle("org.example.radio", "1.1.0", "driver")));
        assertFalse(framework.adapt(FrameworkWiring.class).resolveBundles(List.of(sideLoaded)),
                "the abandoned candidate's bundle no longer resolves");
    }

    @Test
    void aReleaseThatIsNotAboveTheCommittedOneOrDoesNotVerifyOrComesWhileAnotherIsStagedChangesNothing()
            throws Exception {
        byte[] before = Files.readAllBytes(data.bootRecord());
        assertEquals(SlotException.Reason.ROLLBACK,
                assertThrows(SlotException.class, () -> slots.stage(release(1, "0.9.0"))).reason());

        Path tampered = release(2, "1.1.0");
        try (var files = Files.list(tampered.resolve("bundles"))) {
            Path jar = files.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(jar);
            bytes[bytes.length / 2] ^= 1;
            Files.write(jar, bytes);
        }
        SlotException rejected = assertThrows(SlotException.class, () -> slots.stage(tampered));
        assertEquals(SlotException.Reason.REJECTED, rejected.reason());
        assertTrue(rejected.getMessage().contains("org.example.radio"), rejected.getMessage());
        assertArrayEquals(before, Files.readAllBytes(data.bootRecord()), "the boot record is untouched");
        assertFalse(Files.exists(data.slot(Slot.B)), "nothing was written into the free slot");

        slots.stage(release(3, "1.3.0"));
        assertEquals(SlotException.Reason.BUSY,
                assertThrows(SlotException.class, () -> slots.stage(release(4, "1.4.0"))).reason());
        assertEquals(SlotException.Reason.NO_CANDIDATE,
                assertThrows(SlotException.class, () -> slots.commit(4)).reason());
    }
}
