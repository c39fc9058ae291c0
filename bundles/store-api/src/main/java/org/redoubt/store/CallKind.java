package org.redoubt.store;

/**
 * What happened to a call.
 *
 * @since 1.0
 */
public enum CallKind {
    /** An incoming call that was answered. */
    INCOMING,
    /** A call the user placed. */
    OUTGOING,
    /** An incoming call that was not answered. */
    MISSED
}
