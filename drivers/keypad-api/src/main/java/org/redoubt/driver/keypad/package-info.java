/**
 * The handset keypad: digits, star, pound, navigation, OK, two soft keys, call, end and power,
 * as press, repeat and release events.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.driver.keypad;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
