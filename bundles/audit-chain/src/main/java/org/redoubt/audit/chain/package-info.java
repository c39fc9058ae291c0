/**
 * The handset audit log's file format and its verification, in plain Java (no framework): the
 * handset's audit bundle writes lines with it, and the fleet tool verifies a device's log with it.
 *
 * <p>The log is a UTF-8 file of lines, each ended by {@code \n}, each one entry as canonical JSON
 * ({@link org.redoubt.audit.chain.AuditLine}): members in a fixed order, no whitespace, so that
 * the same entry always has the same bytes. Each line names the hash of the line before it
 * ({@code prev}, hex, with the line's own {@code alg}: {@code sha256} or {@code sm3}); the first
 * line names {@link org.redoubt.audit.chain.AuditLine#GENESIS}. {@code CHECKPOINT} lines carry a
 * signature of the device's identity key over the whole line ({@link
 * org.redoubt.audit.chain.Checkpoints}), so a checkpoint vouches for every line up to it.
 * {@link org.redoubt.audit.chain.ChainVerifier} reads a log and names its first broken entry.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.audit.chain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
