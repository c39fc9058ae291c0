package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

/**
 * Frames against committed golden images, with a tolerance for anti-aliasing that differs between
 * font rasterizer builds: a pixel counts as different when a channel differs by more than
 * {@value #CHANNEL_TOLERANCE}, and at most {@value #PIXEL_TOLERANCE_PERCENT}% of pixels may.
 *
 * <p>Regenerate after an intended change: {@code mvn -pl shell-ui/shell test -Dshell.golden.update=true}
 * writes the frames into {@code src/test/resources/golden/} (they are also the screenshots in
 * {@code docs/}: see docs/shell.md).
 */
final class GoldenImages {

    static final int CHANNEL_TOLERANCE = 48;
    static final double PIXEL_TOLERANCE_PERCENT = 0.5;
    private static final Path SOURCE = Path.of("src/test/resources/golden");

    private GoldenImages() {
    }

    /**
     * @param name     the golden image's name, without {@code .png}
     * @param snapshot the PNG the display driver wrote
     */
    static void check(String name, Path snapshot) throws IOException {
        BufferedImage actual = ImageIO.read(snapshot.toFile());
        assertNotNull(actual, "no snapshot at " + snapshot);
        if (Boolean.getBoolean("shell.golden.update")) {
            Files.createDirectories(SOURCE);
            Files.copy(snapshot, SOURCE.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        BufferedImage golden;
        try (InputStream in = GoldenImages.class.getResourceAsStream("/golden/" + name + ".png")) {
            assertNotNull(in, "no golden image " + name + ".png: generate it with -Dshell.golden.update=true");
            golden = ImageIO.read(in);
        }
        assertEquals(golden.getWidth(), actual.getWidth());
        assertEquals(golden.getHeight(), actual.getHeight());
        int different = 0;
        for (int y = 0; y < golden.getHeight(); y++) {
            for (int x = 0; x < golden.getWidth(); x++) {
                if (differs(golden.getRGB(x, y), actual.getRGB(x, y))) {
                    different++;
                }
            }
        }
        double percent = 100.0 * different / (golden.getWidth() * golden.getHeight());
        if (percent > PIXEL_TOLERANCE_PERCENT) {
            Path failed = Path.of("target/golden-failures").resolve(name + ".png");
            Files.createDirectories(failed.getParent());
            Files.copy(snapshot, failed, StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(percent <= PIXEL_TOLERANCE_PERCENT, String.format("%s differs from its golden image in %.2f%% of"
                + " pixels (at most %.1f%%); the frame is in target/golden-failures", name, percent,
                PIXEL_TOLERANCE_PERCENT));
    }

    private static boolean differs(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > CHANNEL_TOLERANCE) {
                return true;
            }
        }
        return false;
    }
}
