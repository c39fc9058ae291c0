package org.redoubt.telephony.sms;

import java.io.ByteArrayOutputStream;

import org.redoubt.telephony.sms.PduException.Reason;

/**
 * The GSM 7-bit default alphabet and its extension table (TS 23.038 6.2.1), and the packing of
 * septets into octets (6.1.2.1). An extension character is two septets: escape, then its code.
 */
final class Gsm7 {

    static final int ESCAPE = 0x1B;
    /** The basic table in code order; position 0x1B (U+0000 here) is the escape and never a character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED_CHARACTERS = "\f^{}\\[~]|€";
    private static final byte[] EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    /** Every character in either table is below U+0400 but the euro sign, which gets its own check. */
    private static final int TABLE_SIZE = 0x400;
    private static final char EURO = '€';
    private static final int EXTENDED = 0x100;
    /** By character below {@link #TABLE_SIZE}: its basic code, or {@link #EXTENDED} plus its extension code, or -1. */
    private static final short[] CODES = codes();

    private Gsm7() {
    }

    private static short[] codes() {
        short[] codes = new short[TABLE_SIZE];
        java.util.Arrays.fill(codes, (short) -1);
        for (int code = 0; code < BASIC.length(); code++) {
            if (code != ESCAPE) {
                codes[BASIC.charAt(code)] = (short) code;
            }
        }
        for (int i = 0; i < EXTENDED_CHARACTERS.length(); i++) {
            char c = EXTENDED_CHARACTERS.charAt(i);
            if (c != EURO) {
                codes[c] = (short) (EXTENDED | EXTENDED_CODES[i]);
            }
        }
        return codes;
    }

    /** @return the basic code, {@link #EXTENDED} plus the extension code, or -1 */
    private static int code(char c) {
        if (c == EURO) {
            return EXTENDED | 0x65;
        }
        return c < TABLE_SIZE ? CODES[c] : -1;
    }

    /** @return the septets {@code c} takes: 1, 2 for an extension character, 0 when it has no code */
    static int septets(char c) {
        int code = code(c);
        return code < 0 ? 0 : code >= EXTENDED ? 2 : 1;
    }

    /** @return whether every character of {@code text} has a code */
    static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the septets of {@code text}, which {@link #canEncode} */
    static byte[] encode(CharSequence text) throws PduException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int code = code(c);
            if (code < 0) {
                throw new PduException(Reason.INVALID_ARGUMENT, "U+" + Integer.toHexString(c) + " is not in the GSM alphabet");
            }
            if (code >= EXTENDED) {
                out.write(ESCAPE);
            }
            out.write(code & 0x7F);
        }
        return out.toByteArray();
    }

    /**
     * @param septets septet values, 0..127
     * @return the text; an escape before a code the extension table lacks stands for the basic
     *         table's character (as TS 23.038 tells receivers), a trailing escape for a space
     */
    static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code != ESCAPE) {
                text.append(BASIC.charAt(code));
            } else if (i + 1 < septets.length) {
                int next = septets[++i] & 0x7F;
                text.append(extended(next));
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }

    /**
     * Packs septets into octets, the first at bit {@code offsetBits} of the first octet, each
     * septet's low bit first (TS 23.038 6.1.2.1.1).
     *
     * @param target     where to pack, long enough
     * @param offsetBits bit position of the first septet in {@code target}
     */
    static void pack(byte[] septets, byte[] target, int offsetBits) {
        int bit = offsetBits;
        for (byte septet : septets) {
            int value = septet & 0x7F;
            int index = bit / 8;
            int shift = bit % 8;
            target[index] |= (byte) (value << shift);
            if (shift > 1) {
                target[index + 1] |= (byte) (value >> (8 - shift));
            }
            bit += 7;
        }
    }

    /**
     * @param data  packed septets
     * @param first the index of the first septet wanted (septet {@code i} starts at bit {@code 7 i})
     * @param count how many
     * @return the septets; the caller has checked that {@code data} holds them
     */
    static byte[] unpack(byte[] data, int first, int count) {
        byte[] septets = new byte[count];
        for (int i = 0; i < count; i++) {
            int bit = (first + i) * 7;
            int index = bit / 8;
            int shift = bit % 8;
            int value = (data[index] & 0xFF) >> shift;
            if (shift > 1) {
                value |= (data[index + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        return septets;
    }

    /** @return octets that {@code septets} septets packed take */
    static int packedLength(int septets) {
        return (septets * 7 + 7) / 8;
    }

    private static char extended(int code) {
        for (int i = 0; i < EXTENDED_CODES.length; i++) {
            if (EXTENDED_CODES[i] == code) {
                return EXTENDED_CHARACTERS.charAt(i);
            }
        }
        return code == ESCAPE ? ' ' : BASIC.charAt(code);
    }
}
