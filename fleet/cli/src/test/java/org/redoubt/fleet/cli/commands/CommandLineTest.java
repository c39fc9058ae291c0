package org.redoubt.fleet.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's promise: exit 0 when done, 1 with one line on standard error for bad input, no stack trace. */
class CommandLineTest {

    @TempDir
    Path directory;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static Run fleet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandTree.build(Tool.system(), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertFailsWithOneLine(Run run, String expected) {
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("fleet: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void badInputFailsWithOneLineAndExitCodeOne() throws Exception {
        assertFailsWithOneLine(fleet("keys", "generate", "--role", "policy", "--suite", "sm", "--scheme", "ed25519",
                "--out", directory.toString()), "not a scheme of the sm suite");
        assertFailsWithOneLine(fleet("keys", "generate", "--role", "janitor", "--suite", "nist", "--out", "x"), "--role");
        assertFailsWithOneLine(fleet("policy", "validate", directory.resolve("missing.json").toString()), "does not exist");
        assertFailsWithOneLine(fleet("policy", "sign", "--key", "k.pem", "--in", "a", "--envelope", "b"),
                "mutually exclusive");
        assertFailsWithOneLine(fleet("root", "create", "--expires", "soon", "--role", "root=a.pub:1", "--sign", "a.pem",
                "--out", "r.json"), "expiry \"soon\"");
        assertFailsWithOneLine(fleet("policy"), "name a subcommand");
        assertFailsWithOneLine(fleet("publish", "--broker", "tcp://localhost:1883", "--ca", "ca", "--cert", "c",
                "--key", "k", "--device", "d", "--kind", "policy", directory.resolve("none").toString()), "does not exist");
        assertFailsWithOneLine(fleet("cert", "issue", "--ca-cert", "none.crt", "--ca-key", "none.key", "--csr",
                "none.csr", "--out", "x.crt"), "does not exist");
    }

    @Test
    void validateReportsTheReasonCodeAndPath() throws Exception {
        Path policy = Files.writeString(directory.resolve("policy.json"), "{\"type\":\"redoubt.policy\",\"version\":1,"
                + "\"issuedAt\":\"2026-01-01T00:00:00Z\",\"expires\":\"2099-01-01T00:00:00Z\","
                + "\"target\":{\"group\":\"field\"},\"body\":{\"radios\":{\"camera\":\"ALLOWED\"}}}");
        Run run = fleet("policy", "validate", policy.toString());
        assertFailsWithOneLine(run, "UNKNOWN_FIELD at $.body.radios.camera");

        Run json = fleet("policy", "validate", "--json", policy.toString());
        assertEquals("{\"valid\":false,\"reason\":\"UNKNOWN_FIELD\",\"path\":\"$.body.radios.camera\"",
                json.out().substring(0, json.out().indexOf(",\"detail\"")));
    }

    @Test
    void theKeyCeremonyRunsThroughTheCommandLine() throws Exception {
        Run generated = fleet("keys", "generate", "--role", "root", "--suite", "nist", "--out", directory.toString(),
                "--json");
        assertEquals(0, generated.exitCode(), generated.toString());
        assertTrue(generated.out().matches("\\{\"role\":\"root\",\"scheme\":\"ecdsa-p256-sha256\",\"keyid\":\"[0-9a-f]{64}\".*\\s"),
                generated.out());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(2, files.count(), "the private and the public key file");
        }
    }
}
