package org.redoubt.driver.keypad;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives key events, on the driver's thread: return quickly.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface KeyListener {

    /** @param event the event */
    void key(KeyEvent event);
}
