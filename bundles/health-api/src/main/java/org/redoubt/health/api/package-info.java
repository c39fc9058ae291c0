/**
 * Readiness of the running release.
 *
 * <p>A release is ready when every bundle it lists is active and every enabled Declarative
 * Services component is satisfied. The launcher, the integration tests and the boot benchmark
 * wait for the {@link org.redoubt.health.api.Readiness} service whose
 * {@value org.redoubt.health.api.Readiness#READY_PROPERTY} property is {@code true}; they match it by
 * filter, so they do not need this package on their class path.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.health.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
