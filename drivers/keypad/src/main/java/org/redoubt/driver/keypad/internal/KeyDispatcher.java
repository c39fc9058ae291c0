package org.redoubt.driver.keypad.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;

/** Hands events to the listeners; a failing listener is reported and does not stop the others. */
class KeyDispatcher implements Keypad {

    private final List<KeyListener> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> diagnostics;

    KeyDispatcher(Consumer<String> diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    void dispatch(KeyEvent event) {
        for (KeyListener listener : listeners) {
            try {
                listener.key(event);
            } catch (RuntimeException e) {
                diagnostics.accept("a key listener failed: " + e);
            }
        }
    }

    @Override
    public void addListener(KeyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(KeyListener listener) {
        listeners.remove(listener);
    }
}
