package org.redoubt.driver.keypad;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The keypad. Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface Keypad {

    /** @param listener receives every key event from now on, on the driver's thread */
    void addListener(KeyListener listener);

    /** @param listener no longer receives events */
    void removeListener(KeyListener listener);
}
