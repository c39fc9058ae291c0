package org.redoubt.shell.screen;

import java.time.ZonedDateTime;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a screen can ask of the shell. Only on the shell's thread.
 *
 * @since 1.0
 */
@ProviderType
public interface ScreenContext {

    /**
     * Opens a screen on top of this one.
     *
     * @param screen    its {@link Screen#ID}
     * @param arguments what it needs (e.g. the number to show)
     */
    void open(String screen, Map<String, String> arguments);

    /**
     * @param screen a {@link Screen#ID}
     * @return whether that screen is there to open now
     */
    boolean available(String screen);

    /** @return the arguments the screen on top was opened with */
    Map<String, String> arguments();

    /** Closes the screen on top; the one below comes back. */
    void back();

    /** Closes every screen down to the home menu (or the lock screen while locked). */
    void home();

    /**
     * Shows a short message over the screen for a few seconds, e.g. why a call did not go out.
     *
     * @param text the message
     */
    void notice(String text);

    /** Draws again after something changed that was not a key (a timer, an event). */
    void repaint();

    /**
     * @param key  a text's key in the shell's texts (e.g. {@code dialer.title})
     * @param args values for its placeholders ({@code {0}}, ...)
     * @return the text in the handset's language
     */
    String text(String key, Object... args);

    /**
     * @return when the key being handled was pressed, on the keypad driver's monotonic clock in
     *         nanoseconds (multi-tap text entry times its presses with it)
     */
    long keyNanos();

    /** @return the handset's language: {@code en} or {@code zh-CN} */
    String language();

    /**
     * Switches the handset's language from the next frame on, and keeps it.
     *
     * @param language {@code en} or {@code zh-CN}
     */
    void language(String language);

    /** @return the time on the handset, in its zone */
    ZonedDateTime now();
}
