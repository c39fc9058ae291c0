package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.launch.Framework;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
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
    private final ReleaseVerifier verifier = new ReleaseVerifier(codec);
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
            BootRecordStore records = new BootRecordStore(data.bootRecord());
            BootRecord record = provisionIfNeeded(data, records, records.load());
            VerifiedRelease release = verifyCommitted(data, record);
            record = record.nextBoot();
            records.save(record);
            return runFramework(data, release, record);
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot release the data directory lock: " + e, e);
        }
    }

    private BootRecord provisionIfNeeded(DataDirectory data, BootRecordStore records, Optional<BootRecord> current)
            throws BootFailure {
        Optional<Path> factory = options.factoryRelease();
        if (factory.isEmpty()) {
            return current.orElseThrow(() -> new BootFailure(ExitCode.NO_RELEASE,
                    "no release in " + data.root() + " and no factory release given (--release DIR)", null));
        }
        if (current.isPresent()) {
            Optional<Long> factoryNumber = factoryReleaseNumber(factory.get());
            if (factoryNumber.isEmpty() || factoryNumber.get() <= current.get().committedRelease()) {
                return current.get();
            }
        }
        VerifiedRelease release = verify(factory.get(), "factory release");
        Slot slot = current.map(record -> record.committedSlot().other()).orElse(Slot.A);
        try {
            new SlotWriter().write(release, data.slot(slot));
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot write the release into slot "
                    + slot.directoryName() + ": " + e, e);
        }
        BootRecord record = current.map(r -> r.commit(slot, release.manifest().release()))
                .orElseGet(() -> new BootRecord(slot, release.manifest().release(), 0));
        records.save(record);
        console.message("provisioned factory release " + release.manifest().release() + " ("
                + release.manifest().profile() + ") into slot " + slot.directoryName());
        return record;
    }

    /** Reads only the factory manifest's number; a broken factory release never blocks a committed one. */
    private Optional<Long> factoryReleaseNumber(Path factory) {
        try {
            byte[] bytes = Files.readAllBytes(factory.resolve(ReleaseVerifier.MANIFEST));
            return Optional.of(codec.decode(bytes).release());
        } catch (IOException | ReleaseRejected e) {
            console.message("ignoring the factory release in " + factory + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private VerifiedRelease verifyCommitted(DataDirectory data, BootRecord record) throws BootFailure {
        VerifiedRelease release = verify(data.slot(record.committedSlot()),
                "release in slot " + record.committedSlot().directoryName());
        if (release.manifest().release() != record.committedRelease()) {
            throw new BootFailure(ExitCode.RELEASE_REJECTED, "slot " + record.committedSlot().directoryName()
                    + " holds release " + release.manifest().release() + " but the boot record commits release "
                    + record.committedRelease(), null);
        }
        return release;
    }

    private VerifiedRelease verify(Path directory, String what) throws BootFailure {
        try {
            return verifier.verify(directory);
        } catch (ReleaseRejected e) {
            StringBuilder text = new StringBuilder("boot refused: the " + what + " (" + directory
                    + ") failed verification");
            for (ReleaseRejected.Problem problem : e.problems()) {
                text.append("\n  ").append(problem);
            }
            throw new BootFailure(ExitCode.RELEASE_REJECTED, text.toString(), e);
        }
    }

    private ExitCode runFramework(DataDirectory data, VerifiedRelease release, BootRecord record)
            throws BootFailure, InterruptedException {
        ReleaseManifest manifest = release.manifest();
        Map<String, String> properties = FrameworkProperties.of(options, data, manifest, record.committedSlot(),
                System.console() != null);
        FrameworkListener errors = event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                String bundle = event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName();
                console.message("error in " + bundle + ": " + describe(event.getThrowable()));
            }
        };
        FrameworkBoot.Booted booted = new FrameworkBoot(properties).start(release, errors);
        Framework framework = booted.framework();
        StopOnce stop = new StopOnce(framework, console);
        if (!ShutdownSignals.onTerminate(stop::requestStop)) {
            console.message("no signal handlers on this JVM; SIGTERM stops the runtime through a shutdown hook");
        }
        Thread hook = new Thread(stop::stopAndWait, "redoubt-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        ReadinessWatch watch = new ReadinessWatch(framework.getBundleContext(), booted.bundles().values());
        Optional<Map<String, Object>> ready = watch.await(options.readyTimeout());
        JsonObject.Builder detail = JsonObject.builder()
                .put("release", manifest.release())
                .put("profile", manifest.profile())
                .put("slot", record.committedSlot().directoryName())
                .put("boot", record.bootCount())
                .put("millis", (System.nanoTime() - startNanos) / 1_000_000);
        if (ready.isPresent()) {
            console.event("READY", detail
                    .put("bundles", ((Number) ready.get().get(ReadinessWatch.BUNDLES)).longValue())
                    .put("components", ((Number) ready.get().get(ReadinessWatch.COMPONENTS)).longValue())
                    .build());
        } else if (framework.getState() == org.osgi.framework.Bundle.ACTIVE) {
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
