package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
import org.redoubt.runtime.release.ReleaseVerifier;

/**
 * SECURITY.md row 16 against the real runtime (engineering profile, whose simulated modem
 * registers the modem service): a rogue bundle in a signed release, without a grant,
 * asks for the modem and the keypad by name, with trackers, with a listener and through SCR, and gets nothing,
 * while telephony and the shell (which are granted them) make the runtime ready; the firewall
 * reports each attempt, and the audit log records it as RULE_VIOLATION. The same bundle with a
 * grant sees both (the test can see a leak). A release with a camera bundle does not boot.
 */
class ServiceFirewallIT {

    private static final String ROGUE = "org.redoubt.itests.rogue";
    private static final String MODEM = "org.redoubt.driver.modem.AtChannel";
    private static final String KEYPAD = "org.redoubt.driver.keypad.Keypad";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The profile with the simulated modem: the modem service exists there (production's emulator model has no modem). */
    private static final String ENGINEERING = "engineering";

    @TempDir
    Path work;

    @Test
    void aRogueBundleWithoutAGrantGetsNoModemAndNoKeypadAndIsReported() throws Exception {
        Path factory = releaseWith(ENGINEERING, work.resolve("factory"), rogueJar(), false);
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution(ENGINEERING),
                work.resolve("data"), "--release", factory.toString())) {
            JsonObject ready = runtime.awaitReady();
            assertTrue(ready.requireLong("components") > 0, ready.toString());

            String saw = awaitLine(runtime, line -> line.startsWith("ROGUE-"), "the rogue's report");
            assertEquals("ROGUE-SAW modem=0 keypad=0 allModem=0 allKeypad=0 trackedModem=0 trackedKeypad=0 events=0"
                    + " scrModem=0 scrKeypad=0",
                    saw, runtime.output());
            awaitStderr(runtime, "firewall: bundle " + ROGUE + " may not use service " + MODEM);
            awaitStderr(runtime, "firewall: bundle " + ROGUE + " may not use service " + KEYPAD);
            assertEquals(1, count(runtime.stderr(), "may not use service " + MODEM),
                    "reported once, though asked four ways\n" + runtime.output());
            assertTrue(!runtime.stderr().contains("firewall: bundle org.redoubt.telephony")
                    && !runtime.stderr().contains("firewall: bundle org.redoubt.shell"), runtime.output());
            // The audit log (a RuleViolationListener) records both attempts.
            awaitAuditEntry(work.resolve("data"), MODEM);
            awaitAuditEntry(work.resolve("data"), KEYPAD);
            assertEquals(0, runtime.terminate(), runtime.output());
        }
    }

    @Test
    void theSameBundleGrantedTheDriversSeesThem() throws Exception {
        Path factory = releaseWith(ENGINEERING, work.resolve("factory"), rogueJar(), true);
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution(ENGINEERING),
                work.resolve("data"), "--release", factory.toString())) {
            runtime.awaitReady();
            String saw = awaitLine(runtime, line -> line.startsWith("ROGUE-"), "the rogue's report");
            Map<String, Integer> counts = counts(saw);
            for (String way : List.of("modem", "keypad", "allModem", "allKeypad", "trackedModem", "trackedKeypad")) {
                assertEquals(1, counts.get(way), way + " in " + saw + "\n" + runtime.output());
            }
            // A driver may restart once while the release comes up: events and SCR binds can be more.
            assertTrue(counts.get("events") >= 2 && counts.get("scrModem") >= 1 && counts.get("scrKeypad") >= 1, saw);
            assertTrue(!runtime.stderr().contains("firewall: bundle " + ROGUE), runtime.output());
            assertEquals(0, runtime.terminate(), runtime.output());
        }
    }

    @Test
    void aReleaseWithACameraBundleIsRefusedAtBootNamingTheBundle() throws Exception {
        Path factory = releaseWith("production", work.resolve("factory"), cameraJar(), false);
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"),
                work.resolve("data"), "--release", factory.toString())) {
            JsonObject failed = runtime.awaitEvent("FAILED", RuntimeProcess.BOOT_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no FAILED line\n" + runtime.output()));
            assertEquals(10, runtime.awaitExit(), runtime.output());
            assertEquals("RELEASE_REJECTED", failed.requireString("reason"));
            String message = failed.requireString("message");
            assertTrue(message.contains("FORBIDDEN_HARDWARE org.example.camera 1.0.0"), message);
            assertTrue(message.contains("org.example.camera.CameraService"), message);
        }
    }

    private static byte[] rogueJar() throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("redoubt.rogue", "../rogue/target/rogue-0.1.0-SNAPSHOT.jar")));
    }

    /** A bundle that offers a camera service, as bnd writes it for a DS component. */
    private static byte[] cameraJar() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.camera");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Provide-Capability",
                "osgi.service;objectClass:List<String>=\"org.example.camera.CameraService\";uses:=\"org.example.camera\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        return bytes.toByteArray();
    }

    /**
     * The profile's factory release plus {@code jar} at start level 1, signed again with the
     * development release key; {@code granted}: with a grant of the modem and the keypad for it.
     */
    private static Path releaseWith(String profile, Path factory, byte[] jar, boolean granted) throws Exception {
        VerifiedBootIT.copyTree(RuntimeProcess.distribution(profile).resolve("release"), factory);
        ReleaseVerifier.BundleIdentity identity = ReleaseVerifier.BundleIdentity.read(jar);
        String file = "bundles/" + identity.symbolicName() + "-" + identity.version() + ".jar";
        Files.write(factory.resolve(file), jar);
        JsonObject entry = JsonObject.builder()
                .put("symbolicName", identity.symbolicName())
                .put("version", identity.version())
                .put("file", file)
                .put("digest", "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)))
                .put("size", jar.length)
                .put("startLevel", 1)
                .build();
        ReleaseSigning.resign(factory, document -> {
            JsonObject body = (JsonObject) document.members().get("body");
            List<JsonValue> bundles = new ArrayList<>(((JsonArray) body.members().get("bundles")).elements());
            bundles.add(0, entry);
            JsonObject edited = ReleaseSigning.with(body, "bundles", JsonArray.of(bundles));
            if (granted) {
                JsonObject services = (JsonObject) body.members().get("services");
                List<JsonValue> grants = new ArrayList<>(((JsonArray) services.members().get("grants")).elements());
                grants.add(JsonObject.builder().put("bundle", identity.symbolicName()).put("services",
                        JsonArray.of(JsonString.of("org.redoubt.driver.modem.*"), JsonString.of("org.redoubt.driver.keypad.*")))
                        .build());
                edited = ReleaseSigning.with(edited, "services", ReleaseSigning.with(services, "grants", JsonArray.of(grants)));
            }
            return ReleaseSigning.with(document, "body", edited);
        });
        return factory;
    }

    private static String awaitLine(RuntimeProcess runtime, Predicate<String> wanted, String what) throws Exception {
        return Await.until(what, DEADLINE, () -> runtime.stdoutLines().stream().filter(wanted).findFirst(),
                runtime::output);
    }

    private static void awaitStderr(RuntimeProcess runtime, String text) throws Exception {
        Await.until("'" + text + "'", DEADLINE, () -> runtime.stderr().contains(text), runtime::output);
    }

    /** Waits until {@code <data>/audit/log} holds a RULE_VIOLATION line of the rogue for {@code target}. */
    private static void awaitAuditEntry(Path data, String target) throws Exception {
        Path log = data.resolve("audit/log");
        Await.until("RULE_VIOLATION entry for " + target + " in " + log, DEADLINE,
                () -> Files.exists(log) && Files.readAllLines(log).stream().anyMatch(line -> line.contains(
                        "RULE_VIOLATION") && line.contains(ROGUE) && line.contains(target) && line.contains("SERVICE")),
                () -> {
                    try {
                        return Files.exists(log) ? Files.readString(log) : "(no log)";
                    } catch (java.io.IOException e) {
                        return "(unreadable: " + e + ")";
                    }
                });
    }

    /** @return the {@code name=number} pairs of a ROGUE-SAW line */
    private static Map<String, Integer> counts(String line) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String pair : line.substring("ROGUE-SAW ".length()).split(" ")) {
            String[] parts = pair.split("=", 2);
            counts.put(parts[0], Integer.parseInt(parts[1]));
        }
        return counts;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
