package org.redoubt.crypto.sealed;

/**
 * Where the key hierarchy stands.
 *
 * @since 1.0
 */
public enum StorageState {
    /** No keyring: first use, or after crypto-erase. {@link SealedStorage#initialize} creates one. */
    UNINITIALIZED,
    /** A keyring exists; the data keys are not in memory. {@link SealedStorage#unlock} with the PIN. */
    LOCKED,
    /** The data keys are in memory; stores can seal and open records. */
    UNLOCKED
}
