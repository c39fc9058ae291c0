package org.redoubt.driver.display.internal;

import java.nio.file.Path;

import org.redoubt.driver.display.Display;

/**
 * The display driver's headless backend (PNG snapshots) outside the framework, for the shell's
 * tests and screenshots. Test code only.
 */
public final class TestDisplays {

    /** The file each frame is written to, in the directory given. */
    public static final String FILE = PngSnapshotDisplay.FILE;

    private TestDisplays() {
    }

    /**
     * @param directory where {@link #FILE} is written
     * @return a 240 x 320 display writing every frame there
     */
    public static Display png(Path directory) {
        return new PngSnapshotDisplay(directory, Display.DEFAULT_WIDTH, Display.DEFAULT_HEIGHT);
    }
}
