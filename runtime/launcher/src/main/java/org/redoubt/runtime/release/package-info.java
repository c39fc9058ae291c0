/**
 * Releases: the complete, digest-pinned set of bundles a handset runs.
 *
 * <p>A release is a directory with {@code release.json} (the manifest) and {@code bundles/} (the
 * bundle files it lists, nothing else). The manifest bytes are exactly what a release signature
 * will cover: the signed-document work wraps them, unchanged, as the payload of a DSSE envelope
 * stored next to them. Verification never trusts anything but the manifest: every listed file
 * must be present with the listed size and digest and declare the listed identity, and no other
 * file may sit in {@code bundles/}.
 *
 * <p>This package is part of the launcher, which runs on the plain class path before any
 * framework exists; it is not an OSGi API.
 */
package org.redoubt.runtime.release;
