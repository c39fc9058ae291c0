/**
 * Signed documents: DSSE envelopes, the trust root with its k-of-n roles, root rotation, and the
 * one verification pipeline every signed policy, release and command goes through.
 *
 * <p>Contract: everything that arrives from outside (envelope bytes, payloads, roots) is judged,
 * never trusted. Bad input is a value, never an unchecked exception: {@link
 * org.redoubt.crypto.documents.DocumentVerifier#verify} returns a
 * {@link org.redoubt.crypto.documents.Verdict}, {@link org.redoubt.crypto.documents.RootRotation}
 * returns a {@link org.redoubt.crypto.documents.RotationVerdict}, and the codecs throw the checked
 * {@link org.redoubt.crypto.documents.DocumentException}, each with a stable
 * {@link org.redoubt.crypto.documents.ReasonCode}. Unchecked exceptions mean a programming error
 * (a {@code null}, a cap below 1).
 *
 * <p>Nothing here persists anything: the caller supplies the anti-rollback
 * {@link org.redoubt.crypto.documents.VersionFloors} and the
 * {@link org.redoubt.crypto.documents.TimeFloor}, and raises them only through an explicit
 * commit after it has applied a document.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.crypto.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
