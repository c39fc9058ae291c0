package org.redoubt.shell.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the handset's typeface from this bundle. Loading reads about 10 MB: do it once and derive
 * sizes from the result ({@link Font#deriveFont(float)}).
 *
 * @since 1.0
 */
public final class HandsetFont {

    /** Where the font is in this bundle. */
    public static final String RESOURCE = "/fonts/NotoSansSC-Regular.ttf";

    private HandsetFont() {
    }

    /**
     * @return the regular face at 1 pt
     * @throws IOException when the bundle's font cannot be read or is not a TrueType font
     */
    public static Font load() throws IOException {
        try (InputStream font = HandsetFont.class.getResourceAsStream(RESOURCE)) {
            if (font == null) {
                throw new IOException("the font " + RESOURCE + " is missing from this bundle");
            }
            return Font.createFont(Font.TRUETYPE_FONT, font);
        } catch (FontFormatException e) {
            throw new IOException("the font " + RESOURCE + " is not a TrueType font", e);
        }
    }
}
