package org.redoubt.telephony.sms;

/**
 * Where a part belongs in a concatenated message (TS 23.040 9.2.3.24.1 and .8).
 *
 * @param reference     the message's reference, the same in all its parts: 0..255, or 0..65535 when wide
 * @param total         how many parts the message has, 1..255
 * @param sequence      this part's number, 1..total
 * @param wideReference whether the reference is 16-bit (information element 08) rather than 8-bit (00)
 * @since 1.0
 */
public record Concatenation(int reference, int total, int sequence, boolean wideReference) {

    /** Checks the ranges. */
    public Concatenation {
        if (reference < 0 || reference > (wideReference ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("reference out of range: " + reference);
        }
        if (total < 1 || total > 255 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part " + sequence + " of " + total);
        }
    }
}
