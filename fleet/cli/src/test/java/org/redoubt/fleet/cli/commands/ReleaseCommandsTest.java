package org.redoubt.fleet.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.fleet.cli.commands.CommandLineTest.Run;
import org.redoubt.fleet.cli.release.TestBundles;

/**
 * Release build, co-sign and verify through the command line, with keys generated here: a release
 * role of two holders (NIST and SM), a root over it, bundle jars made for the test.
 */
class ReleaseCommandsTest {

    @TempDir
    Path work;
    private String alice;
    private String bob;

    private String p(String name) {
        return work.resolve(name).toString();
    }

    private static Run ok(String... args) {
        Run run = CommandLineTest.fleet(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + " -> " + run);
        return run;
    }

    private static Run fails(String expected, String... args) {
        Run run = CommandLineTest.fleet(args);
        assertEquals(1, run.exitCode(), String.join(" ", args) + " -> " + run);
        assertTrue(run.err().startsWith("fleet: ") && run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }

    private String only(String directory, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(work.resolve(directory))) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow().toString();
        }
    }

    @BeforeEach
    void keysRootAndJars() throws Exception {
        ok("keys", "generate", "--role", "root", "--suite", "nist", "--scheme", "ed25519", "--out", p("root-keys"));
        ok("keys", "generate", "--role", "release", "--suite", "nist", "--out", p("alice"));
        ok("keys", "generate", "--role", "release", "--suite", "sm", "--out", p("bob"));
        String root = only("root-keys", ".pem");
        alice = only("alice", ".pem");
        bob = only("bob", ".pem");
        ok("root", "create", "--expires", "30d", "--role", "root=" + root + ":1", "--role", "policy=" + root + ":1",
                "--role", "release=" + only("alice", ".pub") + "," + only("bob", ".pub") + ":2",
                "--role", "command=" + root + ":1", "--sign", root, "--out", p("root.json"));
        TestBundles.jar(work.resolve("jars"), "org.redoubt.test.alpha", 150_000);
        TestBundles.jar(work.resolve("jars"), "org.redoubt.test.beta", 1_000);
    }

    private Run build(String out, String... more) {
        String[] base = {"release", "build", "--bundles", p("jars"), "--release", "3", "--profile", "production",
            "--expires", "30d", "--group", "field-team", "--key", alice, "--out", p(out)};
        String[] all = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        return CommandLineTest.fleet(all);
    }

    @Test
    void twoHoldersSignAndTheHandsetsCheckPasses() throws Exception {
        Run built = build("rel");
        assertEquals(0, built.exitCode(), built.toString());
        assertTrue(built.out().startsWith("built redoubt.release v3 (production, 2 bundles, "), built.out());
        assertTrue(Files.isRegularFile(work.resolve("rel/release.dsse")));
        try (Stream<Path> bundles = Files.list(work.resolve("rel/bundles"))) {
            assertEquals(2, bundles.count());
        }
        assertArrayEquals(Files.readAllBytes(work.resolve("jars/org.redoubt.test.alpha.jar")),
                Files.readAllBytes(work.resolve("rel/bundles/org.redoubt.test.alpha-1.0.0.jar")));

        Run oneOfTwo = fails("THRESHOLD_NOT_MET", "release", "verify", "--root", p("root.json"), p("rel"));
        assertTrue(oneOfTwo.err().contains("UNTRUSTED_MANIFEST"), oneOfTwo.err());
        Run json = CommandLineTest.fleet("release", "verify", "--json", "--root", p("root.json"), p("rel"));
        assertTrue(json.out().startsWith("{\"accepted\":false,\"problems\":[{\"reason\":\"UNTRUSTED_MANIFEST\""),
                json.out());

        byte[] bundleBefore = Files.readAllBytes(work.resolve("rel/bundles/org.redoubt.test.beta-1.0.0.jar"));
        Run cosigned = ok("release", "co-sign", "--key", bob, p("rel"));
        assertTrue(cosigned.out().contains("now has 2 signature(s)"), cosigned.out());
        assertArrayEquals(bundleBefore, Files.readAllBytes(work.resolve("rel/bundles/org.redoubt.test.beta-1.0.0.jar")),
                "co-signing leaves the bundles alone");
        Run accepted = ok("release", "verify", "--root", p("root.json"), p("rel"));
        assertTrue(accepted.out().startsWith("accepted: redoubt.release v3 (production, 2 bundles"), accepted.out());
        assertTrue(accepted.out().contains("for {\"group\":\"field-team\"}"), accepted.out());
        ok("release", "verify", "--root", p("root.json"), "--device", "device-a", "--group", "field-team", p("rel"));
        fails("WRONG_TARGET", "release", "verify", "--root", p("root.json"), "--group", "office", p("rel"));

        fails("has signed this release already", "release", "co-sign", "--key", alice, p("rel"));
    }

    @Test
    void aTamperedBundleIsRefusedByVerifyAndByCoSigners() throws Exception {
        assertEquals(0, build("rel").exitCode());
        ok("release", "co-sign", "--key", bob, p("rel"));
        Path jar = work.resolve("rel/bundles/org.redoubt.test.alpha-1.0.0.jar");
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);

        Run tampered = fails("DIGEST_MISMATCH", "release", "verify", "--root", p("root.json"), p("rel"));
        assertTrue(tampered.err().contains("org.redoubt.test.alpha 1.0.0"), tampered.err());
        Files.writeString(work.resolve("rel/bundles/extra.jar"), "not listed");
        fails("UNLISTED_BUNDLE", "release", "verify", "--root", p("root.json"), p("rel"));
    }

    @Test
    void aCoSignerRefusesATamperedBundle() throws Exception {
        assertEquals(0, build("rel").exitCode());
        Path jar = work.resolve("rel/bundles/org.redoubt.test.beta-1.0.0.jar");
        byte[] bytes = Files.readAllBytes(jar);
        bytes[10] ^= 1;
        Files.write(jar, bytes);
        fails("refusing to sign: DIGEST_MISMATCH", "release", "co-sign", "--key", bob, p("rel"));
    }

    @Test
    void badBuildsAreRefusedAndLeaveNothingBehind() throws Exception {
        Files.createDirectories(work.resolve("used"));
        Files.writeString(work.resolve("used/file"), "x");
        assertFailed(build("used"), "is not empty");

        TestBundles.jar(work.resolve("jars"), "org.apache.felix.gogo.shell", 500);
        assertFailed(build("prod"), "never part of a production release");
        assertFalse(Files.exists(work.resolve("prod")));
        try (Stream<Path> left = Files.list(work)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith(".fleet-release-")), "no staging left");
        }

        Files.writeString(work.resolve("production.bndrun"), "-runbundles: org.redoubt.test.alpha\n");
        fails("does not resolve .bndrun files", "release", "build", "--bndrun", p("production.bndrun"), "--release", "1",
                "--profile", "engineering", "--expires", "1d", "--model", "rdt-1", "--key", alice, "--out", p("x"));
        ok("release", "build", "--bndrun", p("jars"), "--release", "1", "--profile", "engineering", "--expires", "1d",
                "--model", "rdt-1", "--key", alice, "--out", p("engineering"));
        fails("name the release's target", "release", "build", "--bundles", p("jars"), "--release", "1", "--profile",
                "engineering", "--expires", "1d", "--key", alice, "--out", p("y"));
        fails("--profile", "release", "build", "--bundles", p("jars"), "--release", "1", "--profile", "beta",
                "--expires", "1d", "--model", "m", "--key", alice, "--out", p("y"));
        fails("not a release directory", "release", "verify", "--root", p("root.json"), p("jars"));
    }

    @Test
    void theReleaseCarriesTheServiceRulesGivenWithRules() throws Exception {
        Files.writeString(work.resolve("rules.json"), "{\"guarded\": [\"org.redoubt.driver.*\"], \"grants\": ["
                + "{\"bundle\": \"org.redoubt.test.alpha\", \"services\": [\"org.redoubt.driver.modem.*\"]}]}");
        assertEquals(0, build("ruled", "--rules", p("rules.json")).exitCode());

        org.redoubt.json.JsonObject body = org.redoubt.json.JsonParser.parseObject(
                org.redoubt.crypto.documents.EnvelopeCodec.decode(Files.readAllBytes(work.resolve("ruled/release.dsse")),
                        1 << 22).payload(), org.redoubt.json.JsonLimits.DEFAULT).requireObject("body");
        org.redoubt.runtime.release.ReleaseRules rules = new org.redoubt.runtime.release.ReleaseManifestCodec()
                .decodeRules(body.requireObject("services"));
        assertEquals(List.of(new org.redoubt.runtime.firewall.ServiceGrant("org.redoubt.test.alpha",
                List.of("org.redoubt.driver.modem.*"))), rules.grants());

        Files.writeString(work.resolve("loose.json"), "{\"guarded\": [], \"grants\": [], \"why\": \"x\"}");
        assertFailed(build("loose", "--rules", p("loose.json")), "invalid service rules");
        assertFalse(Files.exists(work.resolve("loose")));
    }

    private static void assertFailed(Run run, String expected) {
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("fleet: ") && run.err().contains(expected), run.err());
    }
}
