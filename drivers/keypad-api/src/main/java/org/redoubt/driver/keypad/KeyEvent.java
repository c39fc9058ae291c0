package org.redoubt.driver.keypad;

import java.util.Objects;

/**
 * One key event.
 *
 * @param key         the key
 * @param action      what happened to it
 * @param timeNanos   when, on the driver's monotonic clock (for long-press and multi-tap timing)
 * @since 1.0
 */
public record KeyEvent(Key key, Action action, long timeNanos) {

    /** What happened. */
    public enum Action {
        /** Pressed down. */
        PRESSED,
        /** Held down: the key repeats. */
        REPEATED,
        /** Let go. */
        RELEASED
    }

    /** @throws NullPointerException when a part is null */
    public KeyEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
    }
}
