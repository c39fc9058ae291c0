/**
 * The handset's one session with the fleet broker, shared by the agents that talk to the fleet.
 * The broker admits one session per device certificate (client id = certificate name), so the
 * policy agent, which keeps that session, offers it as {@link org.redoubt.channel.FleetChannel}:
 * the release agent subscribes to its release topics and blob chunks through it and publishes its
 * acks on it. The audit log ships its entries through it with confirmed publications (1.1).
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.channel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
