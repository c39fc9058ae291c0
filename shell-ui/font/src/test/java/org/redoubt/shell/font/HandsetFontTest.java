package org.redoubt.shell.font;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The bundled face draws what the handset shows, in both languages. */
class HandsetFontTest {

    @Test
    void coversEnglishChineseTheGsmSymbolsAndTheShellsMarks() throws IOException {
        Font font = HandsetFont.load();

        assertEquals("Noto Sans SC Regular", font.getFontName());
        assertEquals(-1, font.canDisplayUpTo("Messages 短信 联系人 设置 紧急呼叫 €£¥@§¿ÄÖÑÜ ΔΦΓΛΩΠΨΣΘΞ 0123456789*# ↗↙●…·—"));
    }

    @Test
    void aChineseGlyphPutsInk() throws IOException {
        Font font = HandsetFont.load().deriveFont(16f);
        BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setFont(font);
        graphics.drawString("短", 2, 18);
        graphics.dispose();

        int ink = 0;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                ink += (image.getRGB(x, y) & 0xFFFFFF) != 0 ? 1 : 0;
            }
        }
        assertTrue(ink > 30, "the glyph is drawn, not a box or nothing: " + ink + " pixels");
    }
}
