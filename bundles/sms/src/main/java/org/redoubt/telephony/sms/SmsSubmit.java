package org.redoubt.telephony.sms;

import java.util.Objects;
import java.util.Optional;

/**
 * A decoded SMS-SUBMIT: what a handset sends. The modem simulator and tests read back what
 * telephony sent with it.
 *
 * @param destination       the recipient's number
 * @param alphabet          how the text is coded
 * @param text              the text (as {@link SmsDeliver#text()})
 * @param concatenation     where this part belongs, when it is one
 * @param statusReport      whether a status report was requested
 * @param messageReference  TP-MR, 0..255 (0 lets the modem choose)
 * @since 1.0
 */
public record SmsSubmit(String destination, Alphabet alphabet, String text, Optional<Concatenation> concatenation,
        boolean statusReport, int messageReference) {

    /** Checks that nothing is missing. */
    public SmsSubmit {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(alphabet, "alphabet");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(concatenation, "concatenation");
    }
}
