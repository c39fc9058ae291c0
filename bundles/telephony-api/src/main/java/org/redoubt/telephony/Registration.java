package org.redoubt.telephony;

/**
 * Network registration, as 27.007 +CREG reports it.
 *
 * @since 1.0
 */
public enum Registration {
    /** Not registered and not searching. */
    NOT_REGISTERED,
    /** Registered on the home network. */
    HOME,
    /** Searching for a network. */
    SEARCHING,
    /** The network denied registration. */
    DENIED,
    /** Registered on another network. */
    ROAMING,
    /** Not known (no modem, or not asked yet). */
    UNKNOWN
}
