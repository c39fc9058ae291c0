package org.redoubt.telephony.sms;

import java.util.ArrayList;
import java.util.List;

import org.redoubt.telephony.sms.PduException.Reason;

/**
 * Cuts a text into the parts of a concatenated message (TS 23.040 9.2.3.24.1). A part of 7-bit text
 * holds 153 septets (152 with a 16-bit reference) and never ends between an escape and its
 * character; a part of UCS-2 text holds 67 code units (66) and never ends between the two halves
 * of a surrogate pair.
 */
final class TextSplitter {

    /** The most parts a message has. */
    static final int MAX_PARTS = 255;
    private static final int SINGLE_UCS2 = UserData.MAX_OCTETS / 2;

    private TextSplitter() {
    }

    /** @return the alphabet {@code text} is sent in: 7-bit when every character has a GSM code */
    static Alphabet alphabetFor(String text) {
        return Gsm7.canEncode(text) ? Alphabet.GSM_7BIT : Alphabet.UCS2;
    }

    /**
     * @return one part when the text fits a single SMS, otherwise the concatenated parts
     * @throws PduException {@code TOO_LONG} beyond {@value #MAX_PARTS} parts
     */
    static List<String> split(String text, Alphabet alphabet, boolean wideReference) throws PduException {
        int headerOctets = wideReference ? 7 : 6;
        List<String> parts;
        if (alphabet == Alphabet.GSM_7BIT) {
            if (septets(text, 0, text.length()) <= UserData.MAX_SEPTETS) {
                return List.of(text);
            }
            parts = splitSeptets(text, UserData.MAX_SEPTETS - (headerOctets * 8 + 6) / 7);
        } else {
            if (text.length() <= SINGLE_UCS2) {
                return List.of(text);
            }
            parts = splitUnits(text, (UserData.MAX_OCTETS - headerOctets) / 2);
        }
        if (parts.size() > MAX_PARTS) {
            throw new PduException(Reason.TOO_LONG, "the text needs " + parts.size() + " parts, at most " + MAX_PARTS);
        }
        return parts;
    }

    /** @see SmsCodec#count */
    static SegmentCount count(String text) {
        Alphabet alphabet = alphabetFor(text);
        if (alphabet == Alphabet.GSM_7BIT) {
            int septets = septets(text, 0, text.length());
            if (septets <= UserData.MAX_SEPTETS) {
                return new SegmentCount(alphabet, 1, UserData.MAX_SEPTETS - septets);
            }
            int capacity = UserData.MAX_SEPTETS - (6 * 8 + 6) / 7;
            List<String> parts = splitSeptets(text, capacity);
            return new SegmentCount(alphabet, parts.size(), capacity - septets(parts.get(parts.size() - 1), 0,
                    parts.get(parts.size() - 1).length()));
        }
        if (text.length() <= SINGLE_UCS2) {
            return new SegmentCount(alphabet, 1, SINGLE_UCS2 - text.length());
        }
        int capacity = (UserData.MAX_OCTETS - 6) / 2;
        List<String> parts = splitUnits(text, capacity);
        return new SegmentCount(alphabet, parts.size(), capacity - parts.get(parts.size() - 1).length());
    }

    private static List<String> splitSeptets(String text, int capacity) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = Gsm7.septets(text.charAt(i));
            if (used + cost > capacity) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> splitUnits(String text, int capacity) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + capacity);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
                    && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    private static int septets(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += Gsm7.septets(text.charAt(i));
        }
        return count;
    }
}
