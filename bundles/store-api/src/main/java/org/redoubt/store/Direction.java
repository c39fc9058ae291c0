package org.redoubt.store;

/**
 * Which way a message went.
 *
 * @since 1.0
 */
public enum Direction {
    /** Received by the handset. */
    INCOMING,
    /** Sent from the handset. */
    OUTGOING
}
