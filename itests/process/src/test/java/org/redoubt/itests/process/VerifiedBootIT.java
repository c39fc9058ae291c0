package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.redoubt.json.JsonObject;

/**
 * Verified boot, end to end: the real distribution refuses a release whose bundles were tampered
 * with, removed or added, names the bundle and exits with code 10, and starts nothing.
 */
class VerifiedBootIT {

    private static final int RELEASE_REJECTED = 10;

    private Path work;

    @BeforeEach
    void workDirectory(TestInfo test) throws IOException {
        work = Path.of(System.getProperty("redoubt.work", "target/work"))
                .resolve(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        deleteTree(work);
        Files.createDirectories(work);
    }

    @Test
    void tamperedBundleInTheCommittedSlotStopsTheBoot() throws Exception {
        Path data = provisioned();
        Path health = slotBundle(data, "org.redoubt.health-");
        byte[] content = Files.readAllBytes(health);
        content[content.length / 3] ^= 0x20;
        Files.write(health, content);

        JsonObject failed = refusedBoot(data, health.getFileName().toString(), "DIGEST_MISMATCH");
        assertTrue(failed.requireString("message").contains("org.redoubt.health "), failed.toString());
    }

    @Test
    void missingBundleStopsTheBoot() throws Exception {
        Path data = provisioned();
        Path scr = slotBundle(data, "org.apache.felix.scr-");
        Files.delete(scr);
        refusedBoot(data, "org.apache.felix.scr 2.2.18", "MISSING_BUNDLE");
    }

    @Test
    void unlistedBundleStopsTheBoot() throws Exception {
        Path data = provisioned();
        Path scr = slotBundle(data, "org.apache.felix.scr-");
        Files.copy(scr, scr.resolveSibling("sideloaded.jar"));
        refusedBoot(data, "bundles/sideloaded.jar", "UNLISTED_BUNDLE");
    }

    @Test
    void tamperedFactoryReleaseIsNeverProvisioned() throws Exception {
        Path factory = work.resolve("factory");
        copyTree(RuntimeProcess.distribution("production").resolve("release"), factory);
        Path logSink = bundleIn(factory.resolve("bundles"), "org.redoubt.log.sink-");
        Files.write(logSink, new byte[] {'P', 'K', 3, 4}, java.nio.file.StandardOpenOption.APPEND);
        Path data = work.resolve("data");

        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                "--release", factory.toString())) {
            JsonObject failed = runtime.awaitEvent("FAILED", RuntimeProcess.BOOT_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no FAILED line\n" + runtime.output()));
            assertEquals(RELEASE_REJECTED, runtime.awaitExit(), runtime.output());
            assertEquals("RELEASE_REJECTED", failed.requireString("reason"));
            assertTrue(runtime.stderr().contains("SIZE_MISMATCH org.redoubt.log.sink"), runtime.stderr());
        }
        assertFalse(Files.exists(data.resolve("slots/a")), "nothing may be provisioned from a bad release");
        assertFalse(Files.exists(data.resolve("boot.json")), "no boot may be recorded");
    }

    /** Boots once so the factory release is in slot a, then stops. */
    private Path provisioned() throws Exception {
        Path data = work.resolve("data");
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            runtime.awaitReady();
            assertEquals(0, runtime.terminate(), runtime.output());
        }
        // The framework storage is rebuilt by every boot; removing it here lets the refused boot
        // prove that it installed nothing (an empty framework may be prepared meanwhile).
        deleteTree(data.resolve("framework"));
        return data;
    }

    private JsonObject refusedBoot(Path data, String named, String reason) throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject failed = runtime.awaitEvent("FAILED", RuntimeProcess.BOOT_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no FAILED line\n" + runtime.output()));
            int exit = runtime.awaitExit();
            String output = runtime.output();
            assertEquals(RELEASE_REJECTED, exit, output);
            assertEquals("RELEASE_REJECTED", failed.requireString("reason"));
            assertTrue(runtime.stderr().contains(reason), output);
            assertTrue(runtime.stderr().contains(named), "the message must name " + named + "\n" + output);
            assertFalse(output.contains("REDOUBT READY"), output);
            assertFalse(Files.exists(data.resolve("framework/bundle1")),
                    "no bundle of a refused release may be installed");
            return failed;
        }
    }

    private static Path slotBundle(Path data, String prefix) throws IOException {
        return bundleIn(data.resolve("slots/a/bundles"), prefix);
    }

    static Path bundleIn(Path directory, String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*.jar")) {
            for (Path file : files) {
                return file;
            }
        }
        throw new AssertionError("no bundle " + prefix + "* in " + directory);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
