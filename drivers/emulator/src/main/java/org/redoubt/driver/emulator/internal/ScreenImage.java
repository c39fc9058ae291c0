package org.redoubt.driver.emulator.internal;

import java.awt.image.BufferedImage;

/** A frame as an opaque image the window can paint. */
final class ScreenImage {

    private ScreenImage() {
    }

    static BufferedImage of(int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}
