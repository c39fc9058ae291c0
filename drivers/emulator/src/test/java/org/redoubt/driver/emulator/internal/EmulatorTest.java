package org.redoubt.driver.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.redoubt.driver.keypad.Key;

/** The emulator's keyboard mapping and screen image; the window where a desktop exists. */
class EmulatorTest {

    @Test
    void theDesktopKeyboardIsTheKeypad() {
        assertEquals(Optional.of(Key.DIGIT_5), EmulatorKeys.key(KeyEvent.VK_5, '5'));
        assertEquals(Optional.of(Key.DIGIT_5), EmulatorKeys.key(KeyEvent.VK_NUMPAD5, '5'));
        assertEquals(Optional.of(Key.STAR), EmulatorKeys.key(KeyEvent.VK_8, '*'), "shift-8 types a star");
        assertEquals(Optional.of(Key.POUND), EmulatorKeys.key(KeyEvent.VK_3, '#'), "shift-3 types a pound");
        assertEquals(Optional.of(Key.OK), EmulatorKeys.key(KeyEvent.VK_ENTER, '\n'));
        assertEquals(Optional.of(Key.SOFT_LEFT), EmulatorKeys.key(KeyEvent.VK_F1, KeyEvent.CHAR_UNDEFINED));
        assertEquals(Optional.of(Key.CALL), EmulatorKeys.key(KeyEvent.VK_F3, KeyEvent.CHAR_UNDEFINED));
        assertEquals(Optional.of(Key.END), EmulatorKeys.key(KeyEvent.VK_ESCAPE, KeyEvent.CHAR_UNDEFINED));
        assertEquals(Optional.empty(), EmulatorKeys.key(KeyEvent.VK_A, 'a'), "letters are not on a handset keypad");
    }

    @Test
    void framesBecomeOpaqueImages() {
        BufferedImage image = ScreenImage.of(new int[] {0x00FF0000, 0xFF00FF00, 0x12345678, 0}, 2, 2);
        assertEquals(0xFFFF0000, image.getRGB(0, 0));
        assertEquals(0xFF345678, image.getRGB(0, 1));
        assertEquals(0xFF000000, image.getRGB(1, 1));
    }

    @Test
    void theWindowOpensWhereThereIsADesktopAndSaysWhyNotElsewhere() throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            Exception e = assertThrows(Exception.class, () -> new EmulatorWindow(240, 320, 1, "test"));
            Throwable cause = e;
            while (cause != null && !(cause instanceof HeadlessException)) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof HeadlessException, "no desktop must be the reason: " + e);
        } else {
            EmulatorWindow window = new EmulatorWindow(240, 320, 1, "test");
            try {
                window.show(new int[240 * 320]);
                assertEquals(240, window.width());
            } finally {
                window.close();
            }
        }
    }
}
