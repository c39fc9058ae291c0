package org.redoubt.audit;

/**
 * What happened. The names are written into the log and read by the fleet; a new kind is a minor
 * version of this package, and readers show a kind they do not know by its name.
 *
 * @since 1.0
 */
public enum AuditKind {
    /** The runtime started a release (details: {@code release}, {@code profile}). */
    BOOT,
    /** The handset user unlocked the handset. */
    UNLOCK_SUCCEEDED,
    /** An unlock attempt failed (details: {@code failures}, the count so far). */
    UNLOCK_FAILED,
    /** A signed policy was applied (details: {@code version}). */
    POLICY_APPLIED,
    /** A policy was refused; the reason is its ack's reason code. */
    POLICY_REJECTED,
    /** A signed command was carried out (details: {@code command}). */
    COMMAND_EXECUTED,
    /** A command was refused; the reason is its ack's reason code. */
    COMMAND_REJECTED,
    /** A new trust root was accepted (details: {@code version}). */
    ROOT_ROTATED,
    /** A trust root document was refused. */
    ROOT_REJECTED,
    /** A release was committed (details: {@code release}). */
    RELEASE_COMMITTED,
    /** A release was refused before anything was installed. */
    RELEASE_REJECTED,
    /** A release was rolled back; the reason is its ack's reason code. */
    RELEASE_ROLLED_BACK,
    /** The handset's stores were crypto-erased (details: {@code trigger}). */
    WIPE,
    /** A driver was started by policy (details: {@code driver}). */
    DRIVER_ENABLED,
    /** A driver was stopped by policy (details: {@code driver}). */
    DRIVER_DISABLED,
    /** A bundle reached for a service or package the release's rules keep from it. */
    RULE_VIOLATION,
    /** A bundle was refused at install (details: {@code bundle}); e.g. it provides a camera. */
    INSTALL_REFUSED,
    /** Written by the log itself: the device key signs the chain up to here. */
    CHECKPOINT
}
