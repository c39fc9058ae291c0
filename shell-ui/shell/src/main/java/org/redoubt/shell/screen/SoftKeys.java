package org.redoubt.shell.screen;

import java.util.Objects;

/**
 * The labels shown above the left and right soft keys; an empty label means the key does nothing.
 *
 * @param left  the left label
 * @param right the right label
 * @since 1.0
 */
public record SoftKeys(String left, String right) {

    /** Neither key does anything. */
    public static final SoftKeys NONE = new SoftKeys("", "");

    /** Checks that nothing is missing. */
    public SoftKeys {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
