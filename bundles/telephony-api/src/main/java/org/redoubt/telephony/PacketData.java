package org.redoubt.telephony;

/**
 * The handset's packet-domain (mobile data) service, as 27.007 {@code +CGATT} reports it, and why
 * it is detached when telephony detached it.
 *
 * @since 1.1
 */
public enum PacketData {
    /** Attached: mobile data can flow. */
    ATTACHED,
    /** Detached, not by telephony (the modem's own state). */
    DETACHED,
    /**
     * Detached by telephony because the handset is roaming and the signed policy does not allow
     * data roaming ({@code dataRoaming = false}); attached again when the handset is home or the
     * policy allows it.
     */
    ROAMING_BLOCKED,
    /** Not known: no modem, not asked yet, or the modem does not answer {@code +CGATT?}. */
    UNKNOWN
}
