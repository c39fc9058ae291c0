package org.redoubt.telephony.sms;

import org.redoubt.telephony.sms.PduException.Reason;

/** PDUs as the modem writes them: two hex digits per octet. */
final class Hex {

    /** The longest PDU: a 12-octet service-centre address and the largest TPDU (TS 23.040: 164 octets), with room. */
    static final int MAX_OCTETS = 200;
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    static byte[] decode(String hex) throws PduException {
        if (hex == null || hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 2 * MAX_OCTETS) {
            throw new PduException(Reason.MALFORMED_HEX, "a PDU is 1.." + MAX_OCTETS + " octets as hex digit pairs");
        }
        byte[] octets = new byte[hex.length() / 2];
        for (int i = 0; i < octets.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new PduException(Reason.MALFORMED_HEX, "not a hex digit at " + (high < 0 ? 2 * i : 2 * i + 1));
            }
            octets[i] = (byte) (high << 4 | low);
        }
        return octets;
    }

    static String encode(byte[] octets) {
        char[] text = new char[octets.length * 2];
        for (int i = 0; i < octets.length; i++) {
            text[2 * i] = DIGITS[(octets[i] >> 4) & 0xF];
            text[2 * i + 1] = DIGITS[octets[i] & 0xF];
        }
        return new String(text);
    }
}
