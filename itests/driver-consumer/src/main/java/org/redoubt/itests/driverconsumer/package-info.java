/**
 * Test support: what a consumer of the driver services saw while drivers were updated and
 * restarted under it.
 */
@Export
@Version("1.0.0")
package org.redoubt.itests.driverconsumer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
