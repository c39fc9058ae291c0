package org.redoubt.driver.power.internal;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.redoubt.driver.power.Battery;
import org.redoubt.driver.power.BatteryListener;
import org.redoubt.driver.power.BatteryState;
import org.redoubt.driver.power.BatteryState.Charging;

/**
 * Turns readings into states and change events. {@link #poll()} reads once; the component calls
 * it on a schedule, tests call it directly. A failed reading keeps the last state and is reported.
 */
final class BatteryMonitor implements Battery {

    private final BatterySource source;
    private final int lowThreshold;
    private final Consumer<String> diagnostics;
    private final List<BatteryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile BatteryState state;

    /**
     * @param source       the readings
     * @param lowThreshold the level at or below which the battery is low, when not charging
     * @param diagnostics  where failed readings are reported
     * @throws IOException when the first reading fails
     */
    BatteryMonitor(BatterySource source, int lowThreshold, Consumer<String> diagnostics) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.lowThreshold = lowThreshold;
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.state = state(source.read());
    }

    /** Reads the battery once and tells the listeners if anything changed. */
    void poll() {
        BatteryState current;
        try {
            current = state(source.read());
        } catch (IOException | RuntimeException e) {
            diagnostics.accept("cannot read the battery: " + e.getMessage());
            return;
        }
        BatteryState previous;
        synchronized (this) {
            previous = state;
            if (previous.equals(current)) {
                return;
            }
            state = current;
        }
        for (BatteryListener listener : listeners) {
            try {
                listener.changed(previous, current);
            } catch (RuntimeException e) {
                diagnostics.accept("a battery listener failed: " + e);
            }
        }
    }

    private BatteryState state(BatteryReading reading) {
        boolean onCharger = reading.charging() == Charging.CHARGING || reading.charging() == Charging.FULL;
        return new BatteryState(reading.level(), reading.charging(), reading.level() <= lowThreshold && !onCharger);
    }

    @Override
    public BatteryState state() {
        return state;
    }

    @Override
    public void addListener(BatteryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(BatteryListener listener) {
        listeners.remove(listener);
    }
}
