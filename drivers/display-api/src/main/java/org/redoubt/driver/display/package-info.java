/**
 * The handset screen as a framebuffer: the shell renders a whole frame of ARGB pixels and shows
 * it. 240 x 320 by default.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.driver.display;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
