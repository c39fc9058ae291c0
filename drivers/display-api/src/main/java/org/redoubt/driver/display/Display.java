package org.redoubt.driver.display;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The screen. Thread-safe; frames are shown whole, in the order they arrive.
 *
 * @since 1.0
 */
@ProviderType
public interface Display {

    /** The default handset screen width. */
    int DEFAULT_WIDTH = 240;
    /** The default handset screen height. */
    int DEFAULT_HEIGHT = 320;

    /** @return the width in pixels */
    int width();

    /** @return the height in pixels */
    int height();

    /**
     * @param argb {@link #width()} x {@link #height()} pixels, row by row, {@code 0xAARRGGBB}
     *             (alpha is ignored: the screen is opaque)
     * @throws DisplayException {@code WRONG_SIZE} for another number of pixels,
     *                          {@code FAILED} when the screen could not be written
     */
    void show(int[] argb) throws DisplayException;
}
