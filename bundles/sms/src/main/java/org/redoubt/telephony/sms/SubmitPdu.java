package org.redoubt.telephony.sms;

import java.util.Objects;

/**
 * One encoded SMS-SUBMIT, ready for {@code AT+CMGS=<tpduLength>} with {@code hex} as its payload.
 *
 * @param hex        the PDU in upper-case hex, starting with {@code 00} (the modem's default
 *                   service centre)
 * @param tpduLength the TPDU's length in octets: the PDU without that first octet
 * @param sequence   this part's number, from 1
 * @param total      how many parts the message has
 * @since 1.0
 */
public record SubmitPdu(String hex, int tpduLength, int sequence, int total) {

    /** Checks that nothing is missing. */
    public SubmitPdu {
        Objects.requireNonNull(hex, "hex");
    }
}
