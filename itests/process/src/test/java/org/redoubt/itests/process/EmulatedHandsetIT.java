package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The drivers in the real distributions on the emulator's hardware model: the engineering profile
 * brings its own modem (the simulator in the framework), the driver's AT channel comes up and
 * telephony sets the modem up and finds the network; the
 * production profile has no simulated modem, and the handset is ready without one, waiting for it.
 */
class EmulatedHandsetIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private Path data;

    @BeforeEach
    void workDirectory(TestInfo test) throws IOException {
        Path work = Path.of(System.getProperty("redoubt.work", "target/work"))
                .resolve(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        VerifiedBootIT.deleteTree(work);
        data = work.resolve("data");
    }

    @Test
    void engineeringRunsTheEmulatedHandsetWithItsModem() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("engineering"), data)) {
            runtime.awaitReady();
            awaitOutput(runtime, "Hardware model redoubt-emulator: 7 driver configurations");
            awaitOutput(runtime, "Modem at in-process answers; its AT channel is available");
            awaitOutput(runtime, "Modem set up: NetworkStatus[registration=HOME, operator=Redoubt Net");
            awaitShellFrame();
            assertFalse(runtime.output().contains("FAILED"), runtime.output());
            assertEquals(0, runtime.terminate(), runtime.output());
        }
    }

    @Test
    void productionIsReadyWithoutAModemAndWaitsForIt() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            runtime.awaitReady();
            awaitOutput(runtime, "Waiting for the modem at in-process: no in-process modem is running yet");
            assertFalse(runtime.output().contains("AT channel is available"), runtime.output());
            awaitShellFrame(); // the shell draws without a modem too
            assertEquals(0, runtime.terminate(), runtime.output());
        }
    }

    /** The shell drew a frame through the display driver's headless backend: a whole 240 x 320 PNG. */
    private void awaitShellFrame() throws Exception {
        Path frame = data.resolve("screen/screen.png");
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!Files.exists(frame)) {
            assertTrue(System.nanoTime() < deadline, "the shell drew no frame into " + frame);
            Thread.sleep(20);
        }
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(frame.toFile());
        assertEquals(240, image.getWidth());
        assertEquals(320, image.getHeight());
    }

    private static void awaitOutput(RuntimeProcess runtime, String text) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!runtime.output().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in time:\n" + runtime.output());
            Thread.sleep(20);
        }
    }
}
