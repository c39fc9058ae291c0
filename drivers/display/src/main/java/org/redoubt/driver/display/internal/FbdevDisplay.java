package org.redoubt.driver.display.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;

/**
 * A Linux framebuffer device ({@code /dev/fb0}) in RGB565, little-endian, no row padding: each
 * frame is converted and written whole from offset 0. The device is opened per frame, so the
 * driver holds nothing open while idle and a replaced device node is picked up.
 */
final class FbdevDisplay implements Display {

    private final Path device;
    private final int width;
    private final int height;

    FbdevDisplay(Path device, int width, int height) {
        this.device = device;
        this.width = width;
        this.height = height;
    }

    /** @return the pixel in RGB565: 5 bits red, 6 green, 5 blue */
    static short rgb565(int argb) {
        int red = (argb >>> 19) & 0x1f;
        int green = (argb >>> 10) & 0x3f;
        int blue = (argb >>> 3) & 0x1f;
        return (short) (red << 11 | green << 5 | blue);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public synchronized void show(int[] argb) throws DisplayException {
        FrameSize.check(argb, width, height);
        ByteBuffer frame = ByteBuffer.allocate(argb.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int pixel : argb) {
            frame.putShort(rgb565(pixel));
        }
        frame.flip();
        try (FileChannel channel = FileChannel.open(device, StandardOpenOption.WRITE)) {
            while (frame.hasRemaining()) {
                channel.write(frame, frame.position());
            }
        } catch (IOException e) {
            throw new DisplayException(DisplayException.Reason.FAILED, "cannot write the framebuffer " + device, e);
        }
    }
}
