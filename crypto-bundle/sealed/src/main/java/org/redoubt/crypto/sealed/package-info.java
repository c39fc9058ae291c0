/**
 * Sealed storage for the handset's stores: the device secret, and a key hierarchy in which the
 * user's PIN and the device secret give a key-encryption key that wraps per-store data keys.
 * Changing the PIN re-wraps the data keys without touching the data; crypto-erase destroys the
 * wrapped keys and the device secret, after which sealed data is unreadable with or without the
 * PIN.
 *
 * <p>Every failure is a {@link org.redoubt.crypto.sealed.SealedStorageException} with a
 * {@link org.redoubt.crypto.sealed.SealedStorageException.Reason}; nothing is changed when one is
 * thrown. Key bytes are cleared as soon as they are no longer needed.
 *
 * <p>1.1 adds the inbox: records sealed to a store's public key while the handset is locked
 * ({@link org.redoubt.crypto.sealed.SealedStorage#inbox}, {@link org.redoubt.crypto.sealed.InboxSealer},
 * {@link org.redoubt.crypto.sealed.RecordSealer#openInbox}).
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.crypto.sealed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
