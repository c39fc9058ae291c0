package org.redoubt.telephony.sms;

/**
 * How a text would go out: in which alphabet, in how many SMS, and how many more characters fit
 * before the next SMS starts. What a compose screen shows as the user types.
 *
 * @param alphabet  7-bit when every character is in the GSM alphabet, else UCS-2
 * @param parts     how many SMS (1 for an empty text)
 * @param remaining characters that still fit in the last part (an extension character such as
 *                  {@code €} takes two of a 7-bit part's)
 * @since 1.0
 */
public record SegmentCount(Alphabet alphabet, int parts, int remaining) {
}
