package org.redoubt.telephony.sms;

/**
 * How a message's user data is coded (TS 23.038 section 4).
 *
 * @since 1.0
 */
public enum Alphabet {
    /** The GSM 7-bit default alphabet with its extension table: 160 characters in one SMS. */
    GSM_7BIT,
    /** 8-bit data, for applications rather than people: 140 octets in one SMS. */
    DATA_8BIT,
    /** UCS-2 (UTF-16 code units): 70 characters in one SMS, e.g. Chinese text. */
    UCS2
}
