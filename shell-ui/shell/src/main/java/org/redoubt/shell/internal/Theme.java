package org.redoubt.shell.internal;

import java.awt.Color;
import java.awt.Font;

import org.redoubt.shell.screen.Painter.Size;

/**
 * The shell's look: the handset typeface in three sizes, colours, and the screen's bands (status
 * bar, title, soft keys) for a 240 x 320 screen or any other.
 *
 * @param small      secondary text
 * @param normal     body text
 * @param large      numbers, callers
 * @param statusBar  the status bar's height
 * @param titleBand  a title's band
 * @param softKeyBar the soft-key bar's height
 */
record Theme(Font small, Font normal, Font large, int statusBar, int titleBand, int softKeyBar) {

    static final Color BACKGROUND = new Color(0x10, 0x14, 0x18);
    static final Color BAR = new Color(0x1E, 0x24, 0x2B);
    static final Color TEXT = new Color(0xE8, 0xEA, 0xED);
    static final Color DIM = new Color(0x9A, 0xA0, 0xA6);
    static final Color ACCENT = new Color(0x4F, 0xC3, 0xF7);
    static final Color SELECTION = new Color(0x26, 0x36, 0x45);
    static final Color WARNING = new Color(0xFF, 0xB7, 0x4D);
    static final Color ALERT = new Color(0xEF, 0x53, 0x50);
    static final Color NOTICE = new Color(0x33, 0x3A, 0x42);

    /** @param face the handset typeface at any size */
    static Theme of(Font face) {
        return new Theme(face.deriveFont(12f), face.deriveFont(15f), face.deriveFont(24f), 20, 26, 26);
    }

    Font font(Size size) {
        return switch (size) {
            case SMALL -> small;
            case NORMAL -> normal;
            case LARGE -> large;
        };
    }
}
