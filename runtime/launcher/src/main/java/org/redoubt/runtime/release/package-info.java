/**
 * Releases: the complete, digest-pinned set of bundles a handset runs.
 *
 * <p>A release is a directory with {@code release.dsse} (the signed manifest: a DSSE envelope over
 * the release document) and {@code bundles/} (the bundle files it lists, nothing else).
 * Verification trusts nothing but a manifest signed by a threshold of the trust root's release
 * keys: every listed file must be present with the listed size and digest and declare the listed
 * identity, no bundle may offer camera or location functions
 * ({@link org.redoubt.runtime.release.ForbiddenHardware}), and no other file may sit in
 * {@code bundles/}. The manifest also carries the release's service rules
 * ({@link org.redoubt.runtime.release.ReleaseRules}).
 *
 * <p>This package is part of the launcher, which runs on the plain class path before any
 * framework exists; it is not an OSGi API. {@link org.redoubt.runtime.release.ReleaseBuilder} and
 * {@link org.redoubt.runtime.release.DevelopmentKeys} run at build time.
 */
package org.redoubt.runtime.release;
