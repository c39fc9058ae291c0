package org.redoubt.driver.display.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;

/**
 * A headless screen: every frame replaces {@code <directory>/screen.png} (written to a temporary
 * file and renamed, so a reader never sees half a picture). For CI, screenshots and remote looks
 * at an emulator.
 */
final class PngSnapshotDisplay implements Display {

    /** The snapshot's file name. */
    static final String FILE = "screen.png";

    private final Path directory;
    private final int width;
    private final int height;

    PngSnapshotDisplay(Path directory, int width, int height) {
        this.directory = directory;
        this.width = width;
        this.height = height;
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
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(FILE + ".tmp");
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
            Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DisplayException(DisplayException.Reason.FAILED, "cannot write " + directory.resolve(FILE), e);
        }
    }
}
