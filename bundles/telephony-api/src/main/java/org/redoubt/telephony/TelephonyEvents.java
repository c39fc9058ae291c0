package org.redoubt.telephony;

/**
 * Event Admin topics and properties of telephony. Events never carry message text or PINs.
 *
 * @since 1.0
 */
public final class TelephonyEvents {

    /** Network status changed: {@link #REGISTRATION}, {@link #OPERATOR}, {@link #RSSI}, {@link #DATA} (since 1.1). */
    public static final String NETWORK = "org/redoubt/telephony/network/CHANGED";
    /** SIM state changed: {@link #SIM_STATE}. */
    public static final String SIM = "org/redoubt/telephony/sim/CHANGED";
    /** A call changed: {@link #CALL_ID}, {@link #NUMBER}, {@link #CALL_STATE}, {@link #INCOMING}, {@link #EMERGENCY}. */
    public static final String CALL = "org/redoubt/telephony/call/CHANGED";
    /** A network-initiated USSD message: {@link #TEXT}. */
    public static final String USSD = "org/redoubt/telephony/ussd/RECEIVED";
    /** A network time report: {@link #OFFSET_SECONDS}, and {@link #UTC_MILLIS} when known. */
    public static final String TIME = "org/redoubt/telephony/time/NITZ";
    /** The modem came up ({@code true}) or went away ({@code false}): {@link #AVAILABLE}. */
    public static final String MODEM = "org/redoubt/telephony/modem/CHANGED";
    /**
     * A received SMS was stored: {@link #MESSAGE_ID}, {@link #NUMBER}, {@link #COMPLETE} (false when
     * parts of a concatenated message never came).
     */
    public static final String SMS_RECEIVED = "org/redoubt/telephony/sms/RECEIVED";
    /** A status report for a sent SMS, once it is final: {@link #REFERENCE}, {@link #NUMBER}, {@link #DELIVERED}. */
    public static final String SMS_STATUS = "org/redoubt/telephony/sms/STATUS";

    /** {@link Registration} name. */
    public static final String REGISTRATION = "registration";
    /** Operator name. */
    public static final String OPERATOR = "operator";
    /** rssi 0..31 or -1. */
    public static final String RSSI = "rssi";
    /**
     * {@link PacketData} name.
     *
     * @since 1.1
     */
    public static final String DATA = "data";
    /** {@link SimState} name. */
    public static final String SIM_STATE = "sim.state";
    /** Call id (Integer). */
    public static final String CALL_ID = "call.id";
    /** The other party's number. */
    public static final String NUMBER = "number";
    /** {@link CallState} name. */
    public static final String CALL_STATE = "call.state";
    /** Boolean. */
    public static final String INCOMING = "incoming";
    /** Boolean. */
    public static final String EMERGENCY = "emergency";
    /** USSD text (the network's, not the user's). */
    public static final String TEXT = "text";
    /** Time zone offset in seconds (Integer). */
    public static final String OFFSET_SECONDS = "offset.seconds";
    /** UTC time in milliseconds (Long). */
    public static final String UTC_MILLIS = "utc.millis";
    /** Boolean. */
    public static final String AVAILABLE = "available";
    /** The stored message's id (Long). */
    public static final String MESSAGE_ID = "message.id";
    /** Boolean. */
    public static final String COMPLETE = "complete";
    /** The TP message reference (Integer). */
    public static final String REFERENCE = "reference";
    /** Boolean: delivered, or failed for good. */
    public static final String DELIVERED = "delivered";

    private TelephonyEvents() {
    }
}
