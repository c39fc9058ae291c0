package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;

/** The runtime's life as a process: readiness, clean stop, restart with persisted state, crashes. */
class RuntimeLifecycleIT {

    private Path work;
    private Path data;

    @BeforeEach
    void workDirectory(TestInfo test) throws IOException {
        work = Path.of(System.getProperty("redoubt.work", "target/work"))
                .resolve(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        VerifiedBootIT.deleteTree(work);
        data = work.resolve("data");
    }

    @Test
    void productionBootsToReadinessAndStopsCleanlyOnSigterm() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject ready = runtime.awaitReady();
            assertEquals(1, ready.requireLong("release"));
            assertEquals("production", ready.requireString("profile"));
            assertEquals("a", ready.requireString("slot"));
            assertEquals(1, ready.requireLong("boot"));
            assertEquals(releaseSize("production"), ready.requireLong("bundles"), ready.toString());
            assertTrue(ready.requireLong("components") >= 2, ready.toString());
            // The bundles (the shell's About screen) learn the booted release once it is verified.
            String properties = runtime.systemProperties();
            assertTrue(properties.lines().anyMatch("redoubt.release=1"::equals), properties);
            assertTrue(properties.lines().anyMatch("redoubt.release.profile=production"::equals), properties);

            assertEquals(0, runtime.terminate(), runtime.output());
            assertTrue(runtime.awaitEvent("STOPPED", RuntimeProcess.BOOT_DEADLINE).isPresent(), runtime.output());
            assertFalse(runtime.stderr().contains("release no longer ready"), runtime.stderr());
        }
        String log = Files.readString(data.resolve("log/redoubt.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("release ready"), log);
    }

    @Test
    void ctrlCStopsCleanlyToo() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            runtime.awaitReady();
            assertEquals(0, runtime.interrupt(), runtime.output());
            assertTrue(runtime.awaitEvent("STOPPED", RuntimeProcess.BOOT_DEADLINE).isPresent(), runtime.output());
        }
    }

    @Test
    void statePersistsAcrossARestart() throws Exception {
        try (RuntimeProcess first = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            assertEquals(1, first.awaitReady().requireLong("boot"));
            assertTrue(first.stderr().contains("provisioned factory release 1"), first.stderr());
            assertEquals(0, first.terminate(), first.output());
        }
        try (RuntimeProcess second = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject ready = second.awaitReady();
            assertEquals(2, ready.requireLong("boot"), "the boot counter survives a restart");
            assertEquals("a", ready.requireString("slot"));
            assertFalse(second.stderr().contains("provisioned"), "the committed release is booted again, not re-provisioned");
            assertEquals(0, second.terminate(), second.output());
        }
        String log = Files.readString(data.resolve("log/redoubt.log"), StandardCharsets.UTF_8);
        assertEquals(2, log.split("release ready", -1).length - 1, "the log keeps the first run's lines:\n" + log);
    }

    @Test
    void killMinus9LeavesABootableRuntime() throws Exception {
        try (RuntimeProcess first = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            first.awaitReady();
            first.kill();
        }
        try (RuntimeProcess second = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            assertEquals(2, second.awaitReady().requireLong("boot"), second.output());
            assertEquals(0, second.terminate(), second.output());
        }
    }

    @Test
    void secondRuntimeOnTheSameDataDirectoryIsRefused() throws Exception {
        try (RuntimeProcess first = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            first.awaitReady();
            try (RuntimeProcess second = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
                JsonObject failed = second.awaitEvent("FAILED", RuntimeProcess.BOOT_DEADLINE)
                        .orElseThrow(() -> new AssertionError(second.output()));
                assertEquals("DATA_DIRECTORY_LOCKED", failed.requireString("reason"));
                assertEquals(4, second.awaitExit());
            }
            assertEquals(0, first.terminate(), "the first runtime is unaffected\n" + first.output());
        }
    }

    @Test
    void newerFactoryReleaseGoesToTheOtherSlotAndAnOlderOneIsIgnored() throws Exception {
        Path distribution = RuntimeProcess.distribution("production");
        try (RuntimeProcess first = RuntimeProcess.start(distribution, data)) {
            assertEquals(1, first.awaitReady().requireLong("release"));
            assertEquals(0, first.terminate());
        }
        Path newer = work.resolve("release-2");
        VerifiedBootIT.copyTree(distribution.resolve("release"), newer);
        ReleaseSigning.resign(newer, document -> ReleaseSigning.with(document, "version", JsonNumber.of(2)));

        try (RuntimeProcess second = RuntimeProcess.start(distribution, data, "--release", newer.toString())) {
            JsonObject ready = second.awaitReady();
            assertEquals(2, ready.requireLong("release"));
            assertEquals("b", ready.requireString("slot"), "a new release never overwrites the committed slot");
            assertEquals(0, second.terminate());
        }
        try (RuntimeProcess third = RuntimeProcess.start(distribution, data)) {
            JsonObject ready = third.awaitReady();
            assertEquals(2, ready.requireLong("release"), "the older factory release must not roll the handset back");
            assertEquals("b", ready.requireString("slot"));
            assertEquals(0, third.terminate());
        }
    }

    @Test
    void engineeringProfileAddsTheGogoShell() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("engineering"), data)) {
            JsonObject ready = runtime.awaitReady();
            assertEquals("engineering", ready.requireString("profile"));
            assertEquals(releaseSize("engineering"), ready.requireLong("bundles"));
            assertTrue(releaseSize("engineering") > releaseSize("production"));
            assertEquals(0, runtime.terminate(), runtime.output());
        }
        assertTrue(Files.list(data.resolve("slots/a/bundles"))
                .anyMatch(p -> p.getFileName().toString().startsWith("org.apache.felix.gogo.shell-")));
    }

    @Test
    void badCommandLineExitsWithUsage() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                "--ready-timeout", "never")) {
            assertEquals(2, runtime.awaitExit());
            assertTrue(runtime.stderr().contains("--ready-timeout needs a positive number"), runtime.stderr());
        }
        assertFalse(Files.exists(data), "a usage error touches nothing");
    }

    @Test
    void releaseThatNeverBecomesReadySaysWhatItWaitsFor() throws Exception {
        // A release without the health bundle can never report readiness; the launcher must say
        // so after --ready-timeout instead of waiting silently, and keep running.
        Path release = work.resolve("release-without-health");
        VerifiedBootIT.copyTree(RuntimeProcess.distribution("production").resolve("release"), release);
        Path health = VerifiedBootIT.bundleIn(release.resolve("bundles"), "org.redoubt.health-");
        Files.delete(health);
        ReleaseSigning.resign(release, document -> {
            JsonObject body = (JsonObject) document.members().get("body");
            JsonArray.Builder kept = JsonArray.builder();
            for (JsonValue bundle : ((JsonArray) body.members().get("bundles")).elements()) {
                if (!((JsonObject) bundle).members().get("symbolicName").equals(JsonString.of("org.redoubt.health"))) {
                    kept.add(bundle);
                }
            }
            return ReleaseSigning.with(document, "body", ReleaseSigning.with(body, "bundles", kept.build()));
        });

        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                "--release", release.toString(), "--ready-timeout", "2")) {
            JsonObject notReady = runtime.awaitEvent("NOT-READY", RuntimeProcess.BOOT_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no NOT-READY line\n" + runtime.output()));
            assertTrue(notReady.requireArray("waitingFor").requireStrings().stream()
                    .anyMatch(line -> line.contains("no readiness service")), notReady.toString());
            assertEquals(0, runtime.terminate(), "the runtime keeps running until stopped\n" + runtime.output());
        }
    }

    private static long releaseSize(String profile) throws IOException {
        try (var files = Files.list(RuntimeProcess.distribution(profile).resolve("release/bundles"))) {
            return files.count();
        }
    }
}
