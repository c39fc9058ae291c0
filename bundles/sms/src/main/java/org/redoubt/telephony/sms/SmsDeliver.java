package org.redoubt.telephony.sms;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A received SMS-DELIVER, or one part of a concatenated message.
 *
 * @param originator    the sender: a number ({@code +} in front when international) or an
 *                      alphanumeric sender such as {@code Redoubt}
 * @param sent          when the service centre took the message, in the sender's network's zone;
 *                      empty when the PDU carries no valid time
 * @param alphabet      how the text was coded
 * @param text          the text; for {@link Alphabet#DATA_8BIT} the octets in upper-case hex. A part
 *                      of a UCS-2 message may end or start with half of a surrogate pair; joined
 *                      parts are whole again
 * @param concatenation where this part belongs, when it is one
 * @param flash         whether it is a class 0 message, to be shown at once
 * @since 1.0
 */
public record SmsDeliver(String originator, Optional<OffsetDateTime> sent, Alphabet alphabet, String text,
        Optional<Concatenation> concatenation, boolean flash) implements IncomingPdu {

    /** Checks that nothing is missing. */
    public SmsDeliver {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(alphabet, "alphabet");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(concatenation, "concatenation");
    }
}
