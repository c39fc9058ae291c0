/**
 * The handset user's data: messages grouped in threads ({@link org.redoubt.store.MessageStore}),
 * contacts ({@link org.redoubt.store.ContactStore}), the call log ({@link org.redoubt.store.CallLog}),
 * and the PIN lock that seals all of them ({@link org.redoubt.store.HandsetLock}).
 *
 * <p>Every record is sealed on the handset with keys that need the user's PIN and the handset's
 * device secret. Before the PIN is entered nothing stored can be read; what arrives meanwhile (an
 * SMS, a missed call) is kept sealed to a key that needs no PIN to seal and the PIN to open, and
 * appears after unlock. A method that returns has made its change durable (a power cut after it
 * returns loses nothing); a method that throws has changed nothing. Every failure is a
 * {@link org.redoubt.store.StoreException} with a reason.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
