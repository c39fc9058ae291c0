package org.redoubt.telephony.sms;

import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;

import org.redoubt.telephony.sms.PduException.Reason;

/**
 * TP-OA, TP-DA and TP-RA (TS 23.040 9.1.2.5): a length, a type of address, and the value as
 * swapped semi-octets, or as packed 7-bit text for an alphanumeric sender.
 */
final class Address {

    private static final int INTERNATIONAL = 0x91;
    private static final int UNKNOWN = 0x81;
    private static final int ALPHANUMERIC = 0xD0;
    private static final int MAX_DIGITS = 20;
    private static final int MAX_ALPHANUMERIC = 11;
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1," + MAX_DIGITS + "}");
    private static final String SEMI_OCTETS = "0123456789*#abc";

    private Address() {
    }

    /**
     * @param address a number ({@code +} when international, digits, {@code * #}) or, when
     *                {@code alphanumericAllowed}, a sender name of GSM characters
     * @return the field
     * @throws PduException {@code INVALID_ADDRESS}
     */
    static byte[] encode(String address, boolean alphanumericAllowed) throws PduException {
        if (address != null && NUMBER.matcher(address).matches()) {
            boolean international = address.startsWith("+");
            String digits = international ? address.substring(1) : address;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(digits.length());
            out.write(international ? INTERNATIONAL : UNKNOWN);
            for (int i = 0; i < digits.length(); i += 2) {
                int low = SEMI_OCTETS.indexOf(digits.charAt(i));
                int high = i + 1 < digits.length() ? SEMI_OCTETS.indexOf(digits.charAt(i + 1)) : 0xF;
                out.write(high << 4 | low);
            }
            return out.toByteArray();
        }
        if (alphanumericAllowed && address != null && !address.isEmpty() && address.length() <= MAX_ALPHANUMERIC
                && Gsm7.canEncode(address)) {
            byte[] septets = Gsm7.encode(address);
            if (septets.length <= MAX_ALPHANUMERIC) {
                byte[] field = new byte[2 + Gsm7.packedLength(septets.length)];
                field[0] = (byte) ((septets.length * 7 + 3) / 4);
                field[1] = (byte) ALPHANUMERIC;
                byte[] packed = new byte[field.length - 2];
                Gsm7.pack(septets, packed, 0);
                System.arraycopy(packed, 0, field, 2, packed.length);
                return field;
            }
        }
        throw new PduException(Reason.INVALID_ADDRESS, alphanumericAllowed
                ? "an address is a number of 1.." + MAX_DIGITS + " digits or a sender name of 1.." + MAX_ALPHANUMERIC
                        + " GSM characters"
                : "a number is an optional + and 1.." + MAX_DIGITS + " of 0-9 * #");
    }

    /** Reads an address field; {@code field} names it in errors. */
    static String decode(PduReader pdu, String field) throws PduException {
        int length = pdu.octet(field + " length");
        int type = pdu.octet(field + " type");
        if (length > MAX_DIGITS) {
            throw new PduException(Reason.MALFORMED_FIELD, field + " has " + length + " semi-octets, at most " + MAX_DIGITS);
        }
        byte[] value = pdu.octets((length + 1) / 2, field);
        if ((type & 0x70) == 0x50) {
            int characters = length * 4 / 7;
            return Gsm7.decode(Gsm7.unpack(value, 0, characters)).strip();
        }
        StringBuilder number = new StringBuilder(length + 1);
        if ((type & 0x70) == 0x10) {
            number.append('+');
        }
        for (int i = 0; i < length; i++) {
            int semiOctet = i % 2 == 0 ? value[i / 2] & 0xF : (value[i / 2] >> 4) & 0xF;
            if (semiOctet == 0xF) {
                break; // filler (only the last semi-octet should be one)
            }
            number.append(SEMI_OCTETS.charAt(semiOctet));
        }
        return number.toString();
    }
}
