package org.redoubt.driver.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;

/** The fbdev backend against a regular file standing in for /dev/fb0, and PNG snapshots. */
class DisplayTest {

    @TempDir
    Path temp;

    /** A frame: red top-left pixel, white bottom-right, pure green and blue in row 1, the rest black. */
    private static int[] frame(int width, int height) {
        int[] argb = new int[width * height];
        argb[0] = 0xFFFF0000;
        argb[width] = 0xFF00FF00;
        argb[width + 1] = 0xFF0000FF;
        argb[width * height - 1] = 0xFFFFFFFF;
        return argb;
    }

    private DisplayComponent component(Map<String, Object> properties) {
        return new DisplayComponent(Converters.standardConverter().convert(properties).to(DisplayComponent.Config.class),
                temp.resolve("data"));
    }

    @Test
    void fbdevGetsRgb565LittleEndianRowByRow() throws Exception {
        Path fb0 = Files.write(temp.resolve("fb0"), new byte[Display.DEFAULT_WIDTH * Display.DEFAULT_HEIGHT * 2]);
        DisplayComponent display = component(Map.of("backend", "fbdev", "device", fb0.toString()));
        assertEquals(240, display.width());
        assertEquals(320, display.height());
        display.show(frame(240, 320));

        ByteBuffer written = ByteBuffer.wrap(Files.readAllBytes(fb0)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(240 * 320 * 2, written.capacity());
        assertEquals((short) 0xF800, written.getShort(0), "red");
        assertEquals((short) 0x07E0, written.getShort(240 * 2), "green");
        assertEquals((short) 0x001F, written.getShort(241 * 2), "blue");
        assertEquals((short) 0xFFFF, written.getShort((240 * 320 - 1) * 2), "white");
        assertEquals(0, written.getShort(2), "black");
    }

    @Test
    void aRelativeSnapshotDirectoryIsInTheDataDirectory() throws Exception {
        DisplayComponent display = component(Map.of("width", 2, "height", 2));
        display.show(new int[4]);
        try (var files = Files.list(temp.resolve("data").resolve("screen"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".png")), "the snapshot is under <data>/screen");
        }
    }

    @Test
    void rgb565KeepsTheHighBitsOfEachChannel() {
        assertEquals((short) 0x8410, FbdevDisplay.rgb565(0xFF808080));
        assertEquals((short) 0x0000, FbdevDisplay.rgb565(0x00070307), "low bits fall away, alpha is ignored");
    }

    @Test
    void pngSnapshotsHoldTheLastFrame() throws Exception {
        DisplayComponent display = component(Map.of("snapshots", temp.resolve("screen").toString(), "width", 4,
                "height", 3));
        display.show(frame(4, 3));
        int[] second = frame(4, 3);
        second[5] = 0xFF123456;
        display.show(second);
        BufferedImage image = ImageIO.read(temp.resolve("screen/screen.png").toFile());
        assertEquals(4, image.getWidth());
        assertEquals(3, image.getHeight());
        int[] read = image.getRGB(0, 0, 4, 3, null, 0, 4);
        int[] opaque = Arrays.stream(second).map(pixel -> pixel | 0xFF000000).toArray();
        assertEquals(Arrays.toString(opaque), Arrays.toString(read), "the screen is opaque: alpha is ignored");
    }

    @Test
    void framesOfTheWrongSizeAndUnwritableScreensAreRefused() throws Exception {
        DisplayComponent display = component(Map.of("snapshots", temp.resolve("screen").toString()));
        assertEquals(DisplayException.Reason.WRONG_SIZE,
                assertThrows(DisplayException.class, () -> display.show(new int[10])).reason());
        DisplayComponent missing = component(Map.of("backend", "fbdev", "device", temp.resolve("fb9").toString()));
        assertEquals(DisplayException.Reason.FAILED,
                assertThrows(DisplayException.class, () -> missing.show(frame(240, 320))).reason());
        assertThrows(IllegalArgumentException.class, () -> component(Map.of("backend", "hologram")));
        assertThrows(IllegalArgumentException.class, () -> component(Map.of("width", 0)));
    }
}
