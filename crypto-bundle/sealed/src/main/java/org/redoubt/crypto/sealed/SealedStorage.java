package org.redoubt.crypto.sealed;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The key hierarchy that seals the handset's stores:
 *
 * <pre>
 * PIN --Argon2id(salt)--+
 *                       +--HKDF--> key-encryption key --wraps--> one data key per store --AEAD--> records
 * device secret --HKDF--+
 * </pre>
 *
 * <p>The PIN alone cannot open anything (the device secret never leaves the handset), and the
 * device secret alone cannot either (the PIN is never stored). Changing the PIN re-wraps the data
 * keys and leaves every record as it is. {@link #cryptoErase()} destroys the wrapped keys and the
 * storage's device secret, after which no record can be opened, with or without the PIN. The
 * handset's identity key has a device secret of its own and survives a wipe of the stores.
 *
 * <p>PINs are passed as {@code char[]} and never kept; the caller clears its arrays. Every
 * operation either completes or changes nothing.
 *
 * @since 1.0
 */
@ProviderType
public interface SealedStorage {

    /** @return the current state */
    StorageState state();

    /**
     * Creates the keyring on first use, in the active suite, and leaves the storage unlocked.
     *
     * @param pin the user's new PIN, at least one character
     * @throws SealedStorageException {@code ALREADY_INITIALIZED} when a keyring exists (it is never
     *                                overwritten), {@code INVALID_ARGUMENT} for an empty PIN,
     *                                {@code IO_FAILURE} or {@code DEVICE_SECRET_UNAVAILABLE}
     */
    void initialize(char[] pin) throws SealedStorageException;

    /**
     * @param pin the user's PIN
     * @throws SealedStorageException {@code WRONG_PIN} (nothing changes; counting failed attempts
     *                                is the lock screen's job), {@code NOT_INITIALIZED},
     *                                {@code TAMPERED} or {@code MALFORMED} keyring
     */
    void unlock(char[] pin) throws SealedStorageException;

    /** Clears the key-encryption key and every data key from memory. Locking twice does nothing. */
    void lock();

    /**
     * Re-wraps every data key under a key-encryption key from the new PIN (and a new salt). Sealed
     * records are not touched. A crash leaves either the old or the new keyring.
     *
     * @param oldPin the current PIN
     * @param newPin the new PIN, at least one character
     * @throws SealedStorageException {@code WRONG_PIN} when {@code oldPin} is wrong, and the other
     *                                reasons of {@link #unlock}
     */
    void changePin(char[] oldPin, char[] newPin) throws SealedStorageException;

    /**
     * @param store the store's name: 1..32 of {@code a-z 0-9 -}
     * @return the sealer of that store; its data key is created on first use
     * @throws SealedStorageException {@code LOCKED}, {@code NOT_INITIALIZED},
     *                                {@code INVALID_ARGUMENT} for a bad name, {@code IO_FAILURE}
     */
    RecordSealer sealer(String store) throws SealedStorageException;

    /**
     * The inbox of a store, to seal records to while the handset is locked. A store's inbox is
     * created with its data key, the first time {@link #sealer} is asked for it.
     *
     * @param store the store's name
     * @return the store's inbox; usable while locked
     * @throws SealedStorageException {@code NOT_INITIALIZED}; {@code LOCKED} when the store has no
     *                                inbox yet and the storage is locked (it cannot be created
     *                                without the PIN); {@code INVALID_ARGUMENT}, {@code MALFORMED},
     *                                {@code IO_FAILURE}
     * @since 1.1
     */
    InboxSealer inbox(String store) throws SealedStorageException;

    /**
     * Crypto-erase: overwrites and deletes the keyring, destroys the storage's device secret and clears
     * memory. Afterwards the state is {@link StorageState#UNINITIALIZED} and nothing sealed before
     * can be opened. The stores delete their files afterwards.
     *
     * @throws SealedStorageException {@code IO_FAILURE} or {@code DEVICE_SECRET_UNAVAILABLE} when a
     *                                step failed; memory is cleared in any case
     */
    void cryptoErase() throws SealedStorageException;
}
