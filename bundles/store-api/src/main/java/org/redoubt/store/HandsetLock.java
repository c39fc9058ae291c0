package org.redoubt.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The PIN that seals the user's data. The lock screen unlocks with it. The handset's PIN rules
 * (policy {@code password.minLength}, {@code password.quality}) apply to every new PIN and are
 * checked again at each unlock ({@link #pinChangeRequired()}); after
 * {@code password.maxFailedForWipe} wrong PINs in a row the lock wipes the handset itself. PINs are
 * {@code char[]}, never kept; callers clear their arrays.
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
     * @param pin 4..16 digits, or letters and digits when the rules ask for them
     * @throws StoreException {@code PIN_ALREADY_SET}, {@code INVALID_ARGUMENT} (no PIN at all),
     *                        {@code PIN_TOO_WEAK} (breaks the PIN rules), {@code IO_FAILURE}
     */
    void setPin(char[] pin) throws StoreException;

    /**
     * Unlocks the stores; what arrived while locked becomes readable. The failed-attempt counter
     * is raised on disk before the PIN is checked (cutting the power during a guess still counts
     * it) and cleared after a right PIN. When a wrong PIN brings it to the policy's
     * {@code maxFailedForWipe}, the handset is wiped ({@link #wipe()}) before this returns. A right
     * PIN that the current PIN rules no longer admit unlocks, and {@link #pinChangeRequired()}
     * becomes true.
     *
     * @param pin the PIN
     * @throws StoreException {@code WRONG_PIN}, {@code WIPED} (the wrong PIN that wiped the
     *                        handset), {@code NO_PIN}, {@code TAMPERED}, {@code IO_FAILURE}
     */
    void unlock(char[] pin) throws StoreException;

    /** Locks the stores: keys are cleared from memory. Locking twice does nothing. */
    void lock();

    /**
     * Changes the PIN; a successful change clears {@link #pinChangeRequired()}. A new PIN that
     * breaks the rules is refused before the old one is checked (and is not counted).
     *
     * @param oldPin the current PIN
     * @param newPin 4..16 characters, as the PIN rules ask
     * @throws StoreException {@code WRONG_PIN} (counted like a failed unlock), {@code WIPED} (that
     *                        wrong PIN wiped the handset), {@code INVALID_ARGUMENT},
     *                        {@code PIN_TOO_WEAK}, {@code NO_PIN}, {@code IO_FAILURE}
     */
    void changePin(char[] oldPin, char[] newPin) throws StoreException;

    /**
     * Whether the user must choose a new PIN before using the handset: the last unlock was with a
     * PIN the current rules do not admit, or {@link #requirePinChange()} asked for it. The shell
     * keeps the change-PIN screen up until {@link #changePin(char[], char[])} succeeds.
     *
     * @return whether a PIN change is required
     * @since 1.1
     */
    boolean pinChangeRequired();

    /**
     * Requires a PIN change (the signed command {@code RESET_PIN}): {@link #pinChangeRequired()}
     * is true, across restarts, until the next successful {@link #changePin(char[], char[])}.
     *
     * @throws StoreException {@code NO_PIN} when there is no PIN to change, {@code IO_FAILURE}
     * @since 1.1
     */
    void requirePinChange() throws StoreException;

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
