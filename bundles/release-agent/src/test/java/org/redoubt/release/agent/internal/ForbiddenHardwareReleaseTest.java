package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.runtime.release.TestBundles;

/**
 * A signed release that carries a bundle offering a camera is refused when the launcher's real
 * slots stage it (FORBIDDEN_HARDWARE, naming the bundle), the agent ends it REJECTED with that
 * reason, and nothing running changes.
 */
class ForbiddenHardwareReleaseTest {

    @TempDir
    Path temp;

    private TestReleases releases;
    private HandsetFramework handset;
    private LiveRelease live;

    @BeforeEach
    void runningReleaseOne() throws Exception {
        releases = new TestReleases(temp);
        handset = new HandsetFramework(temp, releases.release(1, Map.of(
                "radio.jar", TestBundles.bundle("org.example.radio", "1.0.0", "driver"))), releases);
        live = new LiveRelease(handset.slots.slots(), handset.converger, handset.health(List.of()),
                new InstallJournal(temp.resolve("data/state/release/journal"), Clock.systemUTC()), "org.example.agent");
    }

    @AfterEach
    void stop() throws Exception {
        handset.close();
    }

    @Test
    void aReleaseWithACameraBundleIsRejectedWithTheReasonAndNothingChanges() throws Exception {
        Map<String, String> before = handset.running();
        Path two = releases.release(2, Map.of(
                "radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "camera.jar", TestBundles.bundle("org.example.camera", "1.0.0", "driver",
                        Map.of("Provide-Capability", "redoubt.hardware;redoubt.hardware=camera"))));

        LiveRelease.Outcome outcome = live.install(2, two, (number, reached, detail) -> { });

        assertEquals(ReleaseProgress.REJECTED, outcome.result());
        assertTrue(outcome.reason().startsWith("REJECTED: FORBIDDEN_HARDWARE org.example.camera 1.0.0"),
                outcome.reason());
        assertEquals(before, handset.running());
        assertEquals(1, handset.slots.slots().committedRelease());
    }
}
