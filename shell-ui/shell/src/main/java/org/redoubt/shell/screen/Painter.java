package org.redoubt.shell.screen;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Draws a screen's body in the handset's style: a title, text in three sizes, lists with a
 * selection. Coordinates are pixels from the body's top left corner.
 *
 * @since 1.0
 */
@ProviderType
public interface Painter {

    /** Text sizes. */
    enum Size {
        /** Secondary text. */
        SMALL,
        /** Body text and list rows. */
        NORMAL,
        /** A number being dialled, a caller, a PIN. */
        LARGE
    }

    /** @return the body's width in pixels */
    int width();

    /** @return the body's height in pixels */
    int height();

    /** @param text the screen's title, on its own band at the top of the body */
    void title(String text);

    /**
     * @param text   text on one line, cut with an ellipsis when too wide
     * @param y      its baseline's distance from the top of the body (below the title when there is one)
     * @param size   its size
     * @param center centred, or from the left margin
     */
    void text(String text, int y, Size size, boolean center);

    /**
     * Draws text over as many lines as it needs, broken between words (anywhere in Chinese).
     *
     * @param text  the text; line breaks in it are kept
     * @param y     the first line's baseline from the top of the body (below the title)
     * @param size  its size
     * @param right aligned to the right margin (a message the user sent), else to the left
     * @return the baseline of the line after the last one drawn
     */
    int paragraph(String text, int y, Size size, boolean right);

    /**
     * Draws a list, scrolled so that the selected row shows.
     *
     * @param rows     the rows' text
     * @param selected the selected row, or -1
     */
    void list(List<String> rows, int selected);

    /**
     * @param size a text size
     * @return the height of a line of it, in pixels
     */
    int lineHeight(Size size);
}
