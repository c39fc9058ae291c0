package org.redoubt.telephony;

/**
 * Where a call is, as 27.007 +CLCC reports it, plus its end.
 *
 * @since 1.0
 */
public enum CallState {
    /** Outgoing, being set up. */
    DIALING,
    /** Outgoing, the other side rings. */
    ALERTING,
    /** Incoming, ringing. */
    INCOMING,
    /** Incoming while another call is up (call waiting). */
    WAITING,
    /** Connected. */
    ACTIVE,
    /** On hold. */
    HELD,
    /** Over; the last event of a call. */
    ENDED
}
