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
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;

/**
 * Verified boot, end to end: the real distribution refuses a release whose manifest is not signed
 * by the provisioned root's release key, or whose bundles were tampered with, removed or added; it
 * names the problem, exits with code 10 and starts nothing.
 */
class VerifiedBootIT {

    private static final int RELEASE_REJECTED = 10;
    private static final int TRUST_ROOT = 13;

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

    /** SECURITY.md row 1: a manifest signed by a key the root does not list installs nothing. */
    @Test
    void manifestSignedByAnUntrustedKeyStopsTheBoot() throws Exception {
        Path data = provisioned();
        try (SigningKey attacker = ReleaseSigning.PROVIDER.generateSigningKey(SignatureScheme.ED25519,
                DistinguishingId.NONE)) {
            ReleaseSigning.sign(data.resolve("slots/a"), document -> document, attacker);
        }
        refusedBoot(data, "release.dsse", "UNTRUSTED_MANIFEST release.dsse: THRESHOLD_NOT_MET");
    }

    /**
     * SECURITY.md row 1: an attacker who swaps a bundle and rewrites the manifest to match cannot
     * sign it; the old signature no longer covers the manifest.
     */
    @Test
    void substitutedBundleWithARewrittenManifestStopsTheBoot() throws Exception {
        Path data = provisioned();
        Path slot = data.resolve("slots/a");
        Path health = slotBundle(data, "org.redoubt.health-");
        byte[] content = Files.readAllBytes(health);
        content[content.length / 3] ^= 0x20;
        Files.write(health, content);
        String digest = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content));
        ReleaseSigning.editWithoutSigning(slot, document -> {
            JsonObject body = (JsonObject) document.members().get("body");
            JsonArray.Builder bundles = JsonArray.builder();
            for (JsonValue bundle : ((JsonArray) body.members().get("bundles")).elements()) {
                JsonObject entry = (JsonObject) bundle;
                boolean swapped = entry.members().get("symbolicName").equals(JsonString.of("org.redoubt.health"));
                bundles.add(swapped ? ReleaseSigning.with(entry, "digest", JsonString.of(digest)) : entry);
            }
            return ReleaseSigning.with(document, "body", ReleaseSigning.with(body, "bundles", bundles.build()));
        });
        refusedBoot(data, "release.dsse", "UNTRUSTED_MANIFEST release.dsse: THRESHOLD_NOT_MET");
    }

    @Test
    void factoryReleaseSignedForAnotherHardwareModelIsNeverProvisioned() throws Exception {
        Path factory = work.resolve("factory");
        copyTree(RuntimeProcess.distribution("production").resolve("release"), factory);
        ReleaseSigning.resign(factory, document -> ReleaseSigning.with(document, "target",
                JsonObject.builder().put("model", "another-handset").build()));
        Path data = work.resolve("data");
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                "--release", factory.toString())) {
            assertEquals(RELEASE_REJECTED, runtime.awaitExit(), runtime.output());
            assertTrue(runtime.stderr().contains("WRONG_TARGET"), runtime.stderr());
        }
        assertFalse(Files.exists(data.resolve("slots/a")), "nothing may be provisioned from a release for another model");
    }

    @Test
    void corruptTrustRootStopsTheBootWithItsOwnExitCode() throws Exception {
        Path data = provisioned();
        Path root = data.resolve("trust/root.json");
        String envelope = Files.readString(root);
        Files.writeString(root, envelope.replace("\"payload\":\"", "\"payload\":\"eyJ"));
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject failed = runtime.awaitEvent("FAILED", RuntimeProcess.BOOT_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no FAILED line\n" + runtime.output()));
            assertEquals(TRUST_ROOT, runtime.awaitExit(), runtime.output());
            assertEquals("TRUST_ROOT", failed.requireString("reason"));
            assertFalse(runtime.output().contains("REDOUBT READY"), runtime.output());
        }
    }

    @Test
    void firstBootProvisionsTheDeviceAndTheFactoryRoot() throws Exception {
        Path data = work.resolve("data");
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                "--device-id", "h-0042", "--group", "field")) {
            runtime.awaitReady();
            assertEquals(0, runtime.terminate(), runtime.output());
        }
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(data.resolve("trust/root.json")),
                Files.readAllBytes(RuntimeProcess.distribution("production").resolve("release/root.json"))));
        JsonObject device = org.redoubt.json.JsonParser.parseObject(Files.readAllBytes(data.resolve("device.json")),
                org.redoubt.json.JsonLimits.DEFAULT);
        assertEquals("h-0042", device.requireString("deviceId"));
        assertEquals("field", device.requireString("group"));
        assertEquals("redoubt-emulator", device.requireString("model"));
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
