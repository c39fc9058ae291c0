package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path HOME = Path.of("/home/user");

    @Test
    void defaultsUseTheHomeDirectory() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of(), HOME);
        assertEquals(Path.of("/home/user/.redoubt/data"), options.data());
        assertEquals(Optional.empty(), options.factoryRelease());
        assertEquals(Duration.ofSeconds(60), options.readyTimeout());
        assertEquals("INFO", options.logLevel());
        assertTrue(options.consoleLog());
    }

    @Test
    void environmentNamesTheDataDirectoryAndTheCommandLineWins() {
        assertEquals(Path.of("/var/lib/redoubt"),
                LaunchOptions.parse(new String[0], Map.of("REDOUBT_DATA", "/var/lib/redoubt"), HOME).data());
        assertEquals(Path.of("/data"), LaunchOptions.parse(new String[] {"--data", "/data"},
                Map.of("REDOUBT_DATA", "/var/lib/redoubt"), HOME).data());
    }

    @Test
    void everyOptionIsRead() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--release", "/dist/release", "--ready-timeout", "5",
            "--log-level", "debug", "--quiet", "--property", "a=b=c", "--property", "x=", "--device-id", "h-17",
            "--group", "field.team", "--model", "rdt-2"}, Map.of(), HOME);
        assertEquals(Optional.of(Path.of("/dist/release")), options.factoryRelease());
        assertEquals(Duration.ofSeconds(5), options.readyTimeout());
        assertEquals("DEBUG", options.logLevel());
        assertFalse(options.consoleLog());
        assertEquals(Map.of("a", "b=c", "x", ""), options.properties());
        assertEquals(new LaunchOptions.Provisioning(Optional.of("h-17"), "field.team", "rdt-2"), options.provisioning());
    }

    @Test
    void provisioningDefaultsToARandomIdInTheDefaultGroupOnTheEmulator() {
        assertEquals(new LaunchOptions.Provisioning(Optional.empty(), "default", LaunchOptions.EMULATOR_MODEL),
                LaunchOptions.parse(new String[0], Map.of(), HOME).provisioning());
    }

    @Test
    void badInputGetsAClearMessage() {
        assertMessage("unknown option '--sideload'", "--sideload");
        assertMessage("--data needs a value", "--data");
        assertMessage("--ready-timeout needs a positive number, got '0'", "--ready-timeout", "0");
        assertMessage("--ready-timeout needs a positive number, got 'soon'", "--ready-timeout", "soon");
        assertMessage("unknown log level 'LOUD'", "--log-level", "LOUD");
        assertMessage("--property needs KEY=VALUE, got 'novalue'", "--property", "novalue");
        assertMessage("--device-id needs 1..64 of A-Z a-z 0-9 . _ -, got 'a/b'", "--device-id", "a/b");
        assertMessage("--group needs 1..64 of A-Z a-z 0-9 . _ -, got '" + "g".repeat(65) + "'", "--group", "g".repeat(65));
    }

    private static void assertMessage(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(args, Map.of(), HOME));
        assertEquals(message, e.getMessage());
    }
}
