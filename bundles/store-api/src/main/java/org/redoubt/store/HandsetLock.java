package org.redoubt.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The PIN that seals the user's data. The lock screen unlocks with it; the policy agent reads the
 * failed-attempt counter and wipes after too many (policy {@code password.maxFailedForWipe}).
 * PINs are {@code char[]}, never kept; callers clear their arrays.
 *
 * @since 1.0
 */
@ProviderType
public interface HandsetLock {

    /** @return whether a PIN is set and entered */
    LockState state();

    /**
     * Sets the first PIN of a new or wiped handset and leaves it unlocked.
     *
     * @param pin 4..16 digits
     * @throws StoreException {@code PIN_ALREADY_SET}, {@code INVALID_ARGUMENT}, {@code IO_FAILURE}
     */
    void setPin(char[] pin) throws StoreException;

    /**
     * Unlocks the stores; what arrived while locked becomes readable. The failed-attempt counter
     * is raised on disk before the PIN is checked (cutting the power during a guess still counts
     * it) and cleared after a right PIN.
     *
     * @param pin the PIN
     * @throws StoreException {@code WRONG_PIN}, {@code NO_PIN}, {@code TAMPERED}, {@code IO_FAILURE}
     */
    void unlock(char[] pin) throws StoreException;

    /** Locks the stores: keys are cleared from memory. Locking twice does nothing. */
    void lock();

    /**
     * @param oldPin the current PIN
     * @param newPin 4..16 digits
     * @throws StoreException {@code WRONG_PIN} (counted like a failed unlock), {@code INVALID_ARGUMENT},
     *                        {@code NO_PIN}, {@code IO_FAILURE}
     */
    void changePin(char[] oldPin, char[] newPin) throws StoreException;

    /** @return failed PIN entries since the last right one; kept across restarts */
    int failedAttempts();

    /**
     * Crypto-erase: destroys the keys first (nothing stored can be opened afterwards, with or
     * without the PIN), then deletes the files. The handset is then as new: {@link LockState#NO_PIN},
     * empty stores, no failed attempts.
     *
     * @throws StoreException {@code IO_FAILURE} when a step failed; the keys are destroyed first
     */
    void wipe() throws StoreException;
}
