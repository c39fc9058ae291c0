package org.redoubt.shell.screen;

import org.osgi.annotation.versioning.ConsumerType;
import org.redoubt.driver.keypad.Key;

/**
 * One screen of the shell.
 *
 * @since 1.0
 */
@ConsumerType
public interface Screen {

    /** The service property naming the screen, e.g. {@code dialer}. */
    String ID = "redoubt.screen.id";

    /**
     * The screen comes on top: opened, or returned to. Its arguments are in the context.
     *
     * @param context the shell
     */
    default void shown(ScreenContext context) {
    }

    /**
     * Something the screen may show changed while it is on top (a message arrived, the network
     * changed): read it again. The shell draws a frame afterwards.
     *
     * @param context the shell
     */
    default void changed(ScreenContext context) {
    }

    /**
     * Draws the screen's body.
     *
     * @param painter draws between the status bar and the soft keys
     * @param context the shell
     */
    void paint(Painter painter, ScreenContext context);

    /**
     * @param key     a key the user pressed (or that repeats while held)
     * @param context the shell
     * @return whether the screen used it; an unused {@link Key#END} goes home, an unused soft key
     *         or {@link Key#OK} does nothing
     */
    boolean key(Key key, ScreenContext context);

    /**
     * @param context the shell
     * @return the labels of the soft keys now
     */
    SoftKeys softKeys(ScreenContext context);
}
