package org.redoubt.store;

/**
 * Whether the user's data can be read.
 *
 * @since 1.0
 */
public enum LockState {
    /** No PIN yet: a new or wiped handset. Nothing is stored. */
    NO_PIN,
    /** A PIN is set and not entered: nothing stored can be read. */
    LOCKED,
    /** The PIN was entered: the stores are readable. */
    UNLOCKED
}
