package org.redoubt.driver.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The emulator window on a real (virtual) X desktop, as a person uses it: {@code Xvfb} (installed
 * by {@code .ci/setup-machine}) is the desktop, {@link DesktopProbe} runs in a JVM attached to it,
 * types keys through {@code java.awt.Robot} and reads the window's pixels back.
 */
class EmulatorDesktopTest {

    private static final long DEADLINE_SECONDS = 60;

    @Test
    void aPersonSeesTheScreenAndTheKeysReachTheHandset() throws Exception {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("Xvfb is needed for this test: run .ci/setup-machine", e);
        }
        try {
            String display = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(display != null && display.matches("\\d+"), "Xvfb names its display: " + display);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder probe = new ProcessBuilder(java.toString(), "-Djava.awt.headless=false", "-cp",
                    System.getProperty("java.class.path"), DesktopProbe.class.getName()).redirectErrorStream(true);
            probe.environment().put("DISPLAY", ":" + display);
            Process run = probe.start();
            assertTrue(run.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the probe finished in time");
            List<String> lines = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, run.exitValue(), String.join("\n", lines));
            assertTrue(lines.contains("KEYS DIGIT_5 OK CALL END"), "typed keys become handset keys: " + lines);
            assertTrue(lines.contains("PIXELS FF0000 0000FF"), "the frame is on the screen: " + lines);
            assertTrue(lines.contains("TITLE probe - last key: END"), "the title echoes the last key: " + lines);
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
