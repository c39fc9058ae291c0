package org.redoubt.driver.display.internal;

import org.redoubt.driver.display.DisplayException;

/** Checks a frame against the screen size. */
final class FrameSize {

    private FrameSize() {
    }

    static void check(int[] argb, int width, int height) throws DisplayException {
        if (argb == null || argb.length != width * height) {
            throw new DisplayException(DisplayException.Reason.WRONG_SIZE, "a frame is " + width + " x " + height + " = "
                    + width * height + " pixels, got " + (argb == null ? "none" : argb.length), null);
        }
    }
}
