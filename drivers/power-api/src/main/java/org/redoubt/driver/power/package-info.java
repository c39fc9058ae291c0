/**
 * The handset's battery: level, charging state, and a low-battery flag, with change events.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.driver.power;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
