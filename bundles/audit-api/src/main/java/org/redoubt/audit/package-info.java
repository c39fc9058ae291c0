/**
 * The handset's audit log: an append-only, hash-chained record of every security-relevant event
 * (boot, unlock, policy, command and release decisions with their reason codes, wipe, drivers
 * enabled and disabled, service rule violations), with checkpoints signed by the device key and
 * shipped to the fleet on the device's {@code audit} topic.
 *
 * <p>Bundles record events through the {@link org.redoubt.audit.AuditLog} service, an optional
 * dependency for all of them: an event appended before the call returns is durable (it survives a
 * power cut). Events never carry secrets: no PIN, key, message text or phone number beyond what a
 * reason needs.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
