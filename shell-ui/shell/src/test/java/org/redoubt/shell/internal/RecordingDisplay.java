package org.redoubt.shell.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;

/** A display that passes frames on to the real one and counts them. */
final class RecordingDisplay implements Display {

    private final Display target;
    private final AtomicInteger frames = new AtomicInteger();

    RecordingDisplay(Display target) {
        this.target = target;
    }

    @Override
    public int width() {
        return target.width();
    }

    @Override
    public int height() {
        return target.height();
    }

    @Override
    public void show(int[] argb) throws DisplayException {
        target.show(argb);
        frames.incrementAndGet();
    }

    int frames() {
        return frames.get();
    }
}
