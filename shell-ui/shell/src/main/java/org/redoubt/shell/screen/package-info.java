/**
 * The shell's screens, as a whiteboard: a screen is a service implementing
 * {@link org.redoubt.shell.screen.Screen} with the property {@value org.redoubt.shell.screen.Screen#ID}
 * naming it. The shell keeps a navigation stack of screen names, draws the one on top between the
 * status bar and its soft keys, and hands it the keypad. A screen that is missing (its bundle is
 * being updated) is waited for; the stack stays.
 *
 * <p>Every call into a screen comes on the shell's one thread, so a screen needs no locking of its
 * own; it must return quickly (the shell draws a frame after every key).
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.shell.screen;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
