package org.redoubt.driver.emulator.internal;

import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;

/** The emulator window as the handset's {@link Display} and {@link Keypad}. */
final class EmulatorHandset implements Display, Keypad, AutoCloseable {

    private final EmulatorWindow window;

    /**
     * Opens the window.
     *
     * @param width  screen width in handset pixels
     * @param height screen height in handset pixels
     * @param scale  desktop pixels per handset pixel
     * @throws Exception when there is no desktop to open a window on ({@code HeadlessException})
     */
    EmulatorHandset(int width, int height, int scale) throws Exception {
        this.window = new EmulatorWindow(width, height, scale, "Redoubt handset");
    }

    @Override
    public int width() {
        return window.width();
    }

    @Override
    public int height() {
        return window.height();
    }

    @Override
    public void show(int[] argb) throws DisplayException {
        window.show(argb);
    }

    @Override
    public void addListener(KeyListener listener) {
        window.addListener(listener);
    }

    @Override
    public void removeListener(KeyListener listener) {
        window.removeListener(listener);
    }

    /** Closes the window. */
    @Override
    public void close() {
        window.close();
    }
}
