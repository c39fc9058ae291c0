package org.redoubt.crypto.sealed;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals and opens the records of one store with that store's data key. It holds no key itself:
 * once the storage is locked, every call fails with {@code LOCKED}. Thread-safe.
 *
 * <p>A sealed record is {@code version (1) | algorithm (1) | nonce (12) | ciphertext | tag (16)};
 * the authenticated data binds the header, the store's name and the caller's associated data, so
 * a record moved to another store, or to another row when the row id is in the associated data,
 * does not open.
 *
 * @since 1.0
 */
@ProviderType
public interface RecordSealer {

    /** @return the store's name */
    String store();

    /**
     * @param associatedData authenticated, not encrypted (e.g. the record's id); may be empty
     * @param plaintext      the record
     * @return the sealed record
     * @throws SealedStorageException {@code LOCKED} or {@code NOT_INITIALIZED}
     */
    byte[] seal(byte[] associatedData, byte[] plaintext) throws SealedStorageException;

    /**
     * @param associatedData the associated data used to seal
     * @param sealed         the sealed record
     * @return the record; the caller clears it when it is secret
     * @throws SealedStorageException {@code TAMPERED} when it does not authenticate,
     *                                {@code MALFORMED} when it is not a sealed record of a known
     *                                format, {@code LOCKED}, {@code NOT_INITIALIZED}
     */
    byte[] open(byte[] associatedData, byte[] sealed) throws SealedStorageException;

    /**
     * Opens a record that {@link InboxSealer#seal} sealed to this store's inbox.
     *
     * @param associatedData the associated data used to seal
     * @param sealed         the sealed record
     * @return the record; the caller clears it when it is secret
     * @throws SealedStorageException {@code TAMPERED} when it does not authenticate, {@code LOCKED},
     *                                {@code NOT_INITIALIZED}
     * @since 1.1
     */
    byte[] openInbox(byte[] associatedData, byte[] sealed) throws SealedStorageException;
}
