package org.redoubt.crypto.sealed;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals records to one store's inbox: to a public key whose private half is wrapped under the
 * key-encryption key, so it works while the handset is locked, and only an unlocked handset can
 * open what it sealed ({@link RecordSealer#openInbox}). A message that arrives while the handset is
 * locked is kept this way: nothing is lost, and nothing is readable, until the PIN is entered.
 * Thread-safe; it holds only the public key.
 *
 * @since 1.1
 */
@ProviderType
public interface InboxSealer {

    /** @return the store's name */
    String store();

    /**
     * @param associatedData authenticated, not encrypted (e.g. the record's id); may be empty
     * @param plaintext      the record
     * @return the sealed record
     * @throws SealedStorageException {@code INVALID_ARGUMENT} when the inbox key is damaged
     */
    byte[] seal(byte[] associatedData, byte[] plaintext) throws SealedStorageException;
}
