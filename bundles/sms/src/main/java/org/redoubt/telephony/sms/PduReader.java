package org.redoubt.telephony.sms;

import java.util.Arrays;

import org.redoubt.telephony.sms.PduException.Reason;

/** Reads a PDU's fields in order, and never past its end. */
final class PduReader {

    private final byte[] octets;
    private int position;

    PduReader(byte[] octets) {
        this.octets = octets;
    }

    int octet(String field) throws PduException {
        if (position >= octets.length) {
            throw new PduException(Reason.TRUNCATED, "the PDU ends before " + field);
        }
        return octets[position++] & 0xFF;
    }

    byte[] octets(int count, String field) throws PduException {
        if (count < 0 || count > octets.length - position) {
            throw new PduException(Reason.TRUNCATED, "the PDU ends inside " + field);
        }
        byte[] value = Arrays.copyOfRange(octets, position, position + count);
        position += count;
        return value;
    }

    void skip(int count, String field) throws PduException {
        octets(count, field);
    }

    boolean hasMore() {
        return position < octets.length;
    }
}
