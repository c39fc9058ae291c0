package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
import org.redoubt.runtime.release.ManifestAuthenticator;
import org.redoubt.runtime.release.ReleaseManifest;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseRejected;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.VerifiedRelease;

/**
 * One run of the runtime: open the data directory, pick and verify the release, boot it, report
 * readiness, and wait until the framework stops.
 */
final class Boot {

    private final LaunchOptions options;
    private final BootConsole console;
    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();
    private final long startNanos;

    Boot(LaunchOptions options, BootConsole console, long startNanos) {
        this.options = options;
        this.console = console;
        this.startNanos = startNanos;
    }

    /**
     * @return the exit code once the framework has stopped
     * @throws BootFailure when the boot cannot go on
     * @throws InterruptedException when the main thread is interrupted
     */
    ExitCode run() throws BootFailure, InterruptedException {
        try (DataDirectory data = DataDirectory.open(options.data())) {
            DeviceIdentity device = new DeviceRecordStore(data.device()).loadOrProvision(options.provisioning(), console);
            // The framework is created and initialized on a second thread while this one checks
            // signatures and hashes bundles: loading Felix and setting up the crypto overlap on a
            // two-core handset. Nothing of the release enters the framework before it is verified.
            FrameworkPreparation preparation = FrameworkPreparation.begin(
                    FrameworkProperties.of(options, data, device, System.console() != null),
                    this::reportFrameworkError);
            Framework framework;
            Map<String, Bundle> bundles;
            BootPlan plan;
            BootRecordStore records;
            LauncherSlots slots;
            try {
                CryptoProvider provider = cryptoProvider();
                TrustRoot root = new TrustStore(data.trustRoot(), new RootRotation(provider), console)
                        .establish(options.factoryRelease());
                ReleaseVerifier verifier = new ReleaseVerifier(codec,
                        new ManifestAuthenticator(new DocumentVerifier(provider), root, device));
                records = new BootRecordStore(data.bootRecord());
                ReleaseSelection selection = new ReleaseSelection(options.factoryRelease(), verifier, console);
                Optional<BootRecord> loaded = records.load();
                plan = selection.choose(data, loaded);
                VerifiedRelease release;
                try {
                    release = verify(verifier, plan);
                } catch (BootFailure refused) {
                    if (!plan.testing()) {
                        throw refused;
                    }
                    // A candidate that fails verification never runs: back to the committed release.
                    console.message("rolling back the candidate release: " + refused.getMessage());
                    plan = selection.choose(data, Optional.of(loaded.orElseThrow().rollBack("failed verification: "
                            + refused.getMessage().lines().skip(1).findFirst().orElse(refused.getMessage()).strip())));
                    release = verify(verifier, plan);
                }
                if (plan.provision()) {
                    provision(data, plan, release);
                }
                records.save(plan.record());
                publishBootedRelease(release);
                AdmittedReleases admitted = AdmittedReleases.of(FrameworkBoot.admitted(release),
                        FirewallRules.of(release.manifest()));
                slots = new LauncherSlots(data, verifier, records, plan.record(), release.manifest().release(),
                        plan.slot(), admitted, console);
                framework = preparation.await();
                bundles = FrameworkBoot.start(framework, release, admitted, slots, console::message);
                // The verified bytes of every bundle are installed now. Dropped here: this frame lives
                // as long as the runtime, and on a 64 MiB heap a second copy of the release (a live
                // install) would not fit beside them.
                release = null;
            } catch (BootFailure | RuntimeException e) {
                preparation.abandon();
                throw e;
            }
            ReleaseManifest manifest = plan.release().manifest();
            return runUntilStopped(framework, bundles, manifest, plan, slots);
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot release the data directory lock: " + e, e);
        }
    }

    /**
     * Tells the bundles which release they run (the shell's About screen): as system properties,
     * which {@code BundleContext.getProperty} falls back to. The framework's own properties are
     * fixed before the release is verified, so they cannot carry it. Set once, before any bundle
     * of the release is installed.
     */
    static void publishBootedRelease(VerifiedRelease release) {
        System.setProperty(RELEASE_PROPERTY, Long.toString(release.manifest().release()));
        System.setProperty(PROFILE_PROPERTY, release.manifest().profile());
    }

    /** The booted release's number, for bundles. */
    static final String RELEASE_PROPERTY = "redoubt.release";
    /** The booted release's profile, for bundles. */
    static final String PROFILE_PROPERTY = "redoubt.release.profile";

    /**
     * The crypto provider on the launcher's class path. There is no fallback: without it nothing
     * can be verified, so nothing boots.
     */
    private static CryptoProvider cryptoProvider() throws BootFailure {
        return ServiceLoader.load(CryptoProvider.class, Boot.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new BootFailure(ExitCode.INTERNAL_ERROR,
                        "no CryptoProvider on the launcher's class path (lib/crypto-bc.jar is missing)", null));
    }

    private static VerifiedRelease verify(ReleaseVerifier verifier, BootPlan plan) throws BootFailure {
        try {
            return verifier.verify(plan.release());
        } catch (ReleaseRejected e) {
            throw ReleaseSelection.refused(plan.origin(), plan.release().directory(), e);
        }
    }

    /**
     * Writes the verified factory release into the plan's slot, which is never the committed one.
     * The boot record saved afterwards commits it; the boot then runs the bytes just verified.
     */
    private void provision(DataDirectory data, BootPlan plan, VerifiedRelease release) throws BootFailure {
        try {
            new SlotWriter().write(release, data.slot(plan.slot()));
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot write the release into slot "
                    + plan.slot().directoryName() + ": " + e, e);
        }
        console.message("provisioned factory release " + release.manifest().release() + " ("
                + release.manifest().profile() + ") into slot " + plan.slot().directoryName());
    }

    private void reportFrameworkError(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            String bundle = event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName();
            console.message("error in " + bundle + ": " + describe(event.getThrowable()));
        }
    }

    private ExitCode runUntilStopped(Framework framework, Map<String, Bundle> bundles, ReleaseManifest manifest,
            BootPlan plan, LauncherSlots slots)
            throws InterruptedException {
        StopOnce stop = new StopOnce(framework, console);
        if (!ShutdownSignals.onTerminate(stop::requestStop)) {
            console.message("no signal handlers on this JVM; SIGTERM stops the runtime through a shutdown hook");
        }
        Thread hook = new Thread(stop::stopAndWait, "redoubt-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        ReadinessWatch watch = new ReadinessWatch(framework.getBundleContext(), bundles.values());
        Optional<Map<String, Object>> ready = watch.await(options.readyTimeout());
        JsonObject.Builder detail = JsonObject.builder()
                .put("release", manifest.release())
                .put("profile", manifest.profile())
                .put("slot", plan.slot().directoryName())
                .put("boot", plan.record().bootCount())
                .put("millis", (System.nanoTime() - startNanos) / 1_000_000);
        if (ready.isPresent() && plan.testing()) {
            commitCandidate(slots, plan);
        }
        if (ready.isPresent()) {
            console.event("READY", detail
                    .put("bundles", ((Number) ready.get().get(ReadinessWatch.BUNDLES)).longValue())
                    .put("components", ((Number) ready.get().get(ReadinessWatch.COMPONENTS)).longValue())
                    .build());
        } else if (framework.getState() == Bundle.ACTIVE) {
            List<JsonValue> waiting = watch.waitingFor().stream().map(s -> (JsonValue) JsonString.of(s)).toList();
            console.event("NOT-READY", detail.put("waitingFor", JsonArray.of(waiting)).build());
        }

        FrameworkEvent stopped = framework.waitForStop(0);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook does the rest
        }
        console.event("STOPPED", JsonObject.builder().put("exit", (long) ExitCode.OK.code())
                .put("event", stopped.getType() == FrameworkEvent.STOPPED ? "stopped" : "type-" + stopped.getType())
                .build());
        return ExitCode.OK;
    }

    /**
     * A candidate that reached readiness in TESTING becomes the committed release. (The release
     * agent will add its own health window, an MQTT round trip among them, before this.)
     */
    private void commitCandidate(LauncherSlots slots, BootPlan plan) {
        try {
            slots.commit(plan.release().manifest().release());
        } catch (org.redoubt.runtime.slots.SlotException e) {
            console.message("the candidate release is ready but could not be committed: " + e.getMessage());
        }
    }

    static String describe(Throwable throwable) {
        if (throwable == null) {
            return "no detail";
        }
        StringBuilder text = new StringBuilder(throwable.toString());
        for (Throwable cause = throwable.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" / cause: ").append(cause);
        }
        return text.toString();
    }

    /** Stops the framework once, from a signal or from the shutdown hook. */
    private static final class StopOnce {
        private final Framework framework;
        private final BootConsole console;
        private boolean requested;

        StopOnce(Framework framework, BootConsole console) {
            this.framework = framework;
            this.console = console;
        }

        synchronized void requestStop() {
            if (requested) {
                return;
            }
            requested = true;
            console.message("stopping");
            try {
                framework.stop();
            } catch (org.osgi.framework.BundleException | RuntimeException e) {
                console.message("framework stop failed: " + describe(e));
            }
        }

        void stopAndWait() {
            requestStop();
            try {
                framework.waitForStop(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
