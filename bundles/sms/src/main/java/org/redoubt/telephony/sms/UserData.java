package org.redoubt.telephony.sms;

import java.util.Optional;

import org.redoubt.telephony.sms.PduException.Reason;

/**
 * TP-UDL and TP-UD (TS 23.040 9.2.3.16, 9.2.3.24): the text, after a user data header when TP-UDHI
 * is set. In 7-bit coding the header is followed by fill bits up to a septet boundary and TP-UDL
 * counts septets, header included; otherwise it counts octets.
 */
final class UserData {

    /** The most octets user data takes. */
    static final int MAX_OCTETS = 140;
    /** The most septets user data takes. */
    static final int MAX_SEPTETS = 160;
    private static final int IEI_CONCATENATION_8 = 0x00;
    private static final int IEI_CONCATENATION_16 = 0x08;

    /** Decoded user data. */
    record Decoded(String text, Optional<Concatenation> concatenation) {
    }

    private UserData() {
    }

    /** @return the DCS octet for plain text in {@code alphabet}: no class, uncompressed */
    static int dataCodingScheme(Alphabet alphabet) {
        return switch (alphabet) {
            case GSM_7BIT -> 0x00;
            case DATA_8BIT -> 0x04;
            case UCS2 -> 0x08;
        };
    }

    /**
     * @param dcs TP-DCS
     * @return the alphabet it names; reserved codings count as 7-bit, as TS 23.038 tells receivers
     * @throws PduException {@code UNSUPPORTED_ENCODING} for compressed text
     */
    static Alphabet alphabet(int dcs) throws PduException {
        if ((dcs & 0x80) == 0) { // general data coding, with or without automatic deletion
            if ((dcs & 0x20) != 0) {
                throw new PduException(Reason.UNSUPPORTED_ENCODING, "compressed text (TP-DCS " + dcs + ")");
            }
            return switch ((dcs >> 2) & 0x3) {
                case 1 -> Alphabet.DATA_8BIT;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.GSM_7BIT;
            };
        }
        return switch (dcs >> 4) {
            case 0xE -> Alphabet.UCS2; // message waiting indication, UCS-2 text
            case 0xF -> (dcs & 0x04) != 0 ? Alphabet.DATA_8BIT : Alphabet.GSM_7BIT;
            default -> Alphabet.GSM_7BIT; // message waiting groups and reserved groups
        };
    }

    /** @return whether TP-DCS marks a class 0 (flash) message */
    static boolean flash(int dcs) {
        boolean general = (dcs & 0x80) == 0 && (dcs & 0x10) != 0;
        boolean dataGroup = (dcs >> 4) == 0xF;
        return (general || dataGroup) && (dcs & 0x3) == 0;
    }

    static Decoded decode(PduReader pdu, Alphabet alphabet, boolean hasHeader) throws PduException {
        int length = pdu.octet("TP-UDL");
        boolean septets = alphabet == Alphabet.GSM_7BIT;
        if (length > (septets ? MAX_SEPTETS : MAX_OCTETS)) {
            throw new PduException(Reason.MALFORMED_FIELD, "TP-UDL " + length + " is more than user data holds");
        }
        byte[] data = pdu.octets(septets ? Gsm7.packedLength(length) : length, "TP-UD");
        int headerOctets = 0;
        Optional<Concatenation> concatenation = Optional.empty();
        if (hasHeader) {
            if (data.length == 0) {
                throw new PduException(Reason.TRUNCATED, "TP-UDHI is set but there is no user data");
            }
            headerOctets = (data[0] & 0xFF) + 1;
            if (headerOctets > data.length) {
                throw new PduException(Reason.MALFORMED_FIELD, "TP-UDHL " + (headerOctets - 1) + " runs past the user data");
            }
            concatenation = concatenation(data, headerOctets);
        }
        if (septets) {
            int headerSeptets = (headerOctets * 8 + 6) / 7;
            if (headerSeptets > length) {
                throw new PduException(Reason.MALFORMED_FIELD, "the header is longer than TP-UDL");
            }
            return new Decoded(Gsm7.decode(Gsm7.unpack(data, headerSeptets, length - headerSeptets)), concatenation);
        }
        if (alphabet == Alphabet.DATA_8BIT) {
            byte[] body = java.util.Arrays.copyOfRange(data, headerOctets, data.length);
            return new Decoded(Hex.encode(body), concatenation);
        }
        StringBuilder text = new StringBuilder((data.length - headerOctets) / 2);
        for (int i = headerOctets; i + 1 < data.length; i += 2) {
            text.append((char) ((data[i] & 0xFF) << 8 | (data[i + 1] & 0xFF)));
        }
        return new Decoded(text.toString(), concatenation);
    }

    /** The concatenation element, when the header has a valid one; other elements are skipped. */
    private static Optional<Concatenation> concatenation(byte[] data, int headerOctets) throws PduException {
        Optional<Concatenation> found = Optional.empty();
        int i = 1;
        while (i < headerOctets) {
            if (i + 1 >= headerOctets) {
                throw new PduException(Reason.MALFORMED_FIELD, "a header element is cut off");
            }
            int identifier = data[i] & 0xFF;
            int elementLength = data[i + 1] & 0xFF;
            int value = i + 2;
            if (value + elementLength > headerOctets) {
                throw new PduException(Reason.MALFORMED_FIELD, "header element " + identifier + " runs past the header");
            }
            if (identifier == IEI_CONCATENATION_8 && elementLength == 3) {
                found = part(data[value] & 0xFF, data[value + 1] & 0xFF, data[value + 2] & 0xFF, false);
            } else if (identifier == IEI_CONCATENATION_16 && elementLength == 4) {
                found = part((data[value] & 0xFF) << 8 | (data[value + 1] & 0xFF), data[value + 2] & 0xFF,
                        data[value + 3] & 0xFF, true);
            }
            i = value + elementLength;
        }
        return found;
    }

    /** A concatenation element with a zero count or a part outside it is ignored (TS 23.040 9.2.3.24.1). */
    private static Optional<Concatenation> part(int reference, int total, int sequence, boolean wide) {
        if (total == 0 || sequence == 0 || sequence > total) {
            return Optional.empty();
        }
        return Optional.of(new Concatenation(reference, total, sequence, wide));
    }

    /**
     * @param alphabet      the text's alphabet
     * @param text          one part's text; it fits (see {@link TextSplitter})
     * @param concatenation the part's place, or null for a single message
     * @return TP-UDL followed by TP-UD
     */
    static byte[] encode(Alphabet alphabet, String text, Concatenation concatenation) throws PduException {
        byte[] header = header(concatenation);
        if (alphabet == Alphabet.GSM_7BIT) {
            byte[] septets = Gsm7.encode(text);
            int headerSeptets = (header.length * 8 + 6) / 7;
            int length = headerSeptets + septets.length;
            if (length > MAX_SEPTETS) {
                throw new PduException(Reason.TOO_LONG, "a part holds " + MAX_SEPTETS + " septets");
            }
            byte[] data = new byte[Gsm7.packedLength(length)];
            System.arraycopy(header, 0, data, 0, header.length);
            Gsm7.pack(septets, data, headerSeptets * 7); // the bits between header and text stay 0: fill
            byte[] field = new byte[1 + data.length];
            field[0] = (byte) length;
            System.arraycopy(data, 0, field, 1, data.length);
            return field;
        }
        if (alphabet != Alphabet.UCS2) {
            throw new PduException(Reason.INVALID_ARGUMENT, "only text is encoded");
        }
        int length = header.length + text.length() * 2;
        if (length > MAX_OCTETS) {
            throw new PduException(Reason.TOO_LONG, "a part holds " + MAX_OCTETS + " octets");
        }
        byte[] field = new byte[1 + length];
        field[0] = (byte) length;
        System.arraycopy(header, 0, field, 1, header.length);
        for (int i = 0; i < text.length(); i++) {
            field[1 + header.length + 2 * i] = (byte) (text.charAt(i) >> 8);
            field[2 + header.length + 2 * i] = (byte) text.charAt(i);
        }
        return field;
    }

    /** @return the header octets, TP-UDHL first, or none */
    static byte[] header(Concatenation concatenation) {
        if (concatenation == null) {
            return new byte[0];
        }
        if (concatenation.wideReference()) {
            return new byte[] {6, IEI_CONCATENATION_16, 4, (byte) (concatenation.reference() >> 8),
                (byte) concatenation.reference(), (byte) concatenation.total(), (byte) concatenation.sequence()};
        }
        return new byte[] {5, IEI_CONCATENATION_8, 3, (byte) concatenation.reference(), (byte) concatenation.total(),
            (byte) concatenation.sequence()};
    }
}
