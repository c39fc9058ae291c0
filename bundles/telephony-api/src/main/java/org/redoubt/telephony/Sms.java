package org.redoubt.telephony;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Text messages out. A text longer than one SMS goes as concatenated parts; text outside the GSM
 * alphabet (Chinese, for one) goes as UCS-2. A sent message is kept in the message store's thread
 * with the recipient. Received messages need no call: telephony keeps each in the message store
 * (also while the handset is locked) and posts {@link TelephonyEvents#SMS_RECEIVED}; status
 * reports arrive as {@link TelephonyEvents#SMS_STATUS}.
 *
 * @since 1.0
 */
@ProviderType
public interface Sms {

    /** The longest text, in characters (as the message store keeps it). */
    int MAX_TEXT_LENGTH = 8192;

    /**
     * Sends a text message.
     *
     * @param to           the recipient's number, 1..20 digits with an optional {@code +}
     * @param text         1..{@value #MAX_TEXT_LENGTH} characters
     * @param statusReport ask the network for a status report per part
     * @return the network's reference (TP-MR) of each part, as {@link TelephonyEvents#SMS_STATUS} names them
     * @throws TelephonyException {@code INVALID_ARGUMENT}, {@code RESTRICTED}, {@code SIM_LOCKED},
     *                            {@code NO_NETWORK}, {@code NO_MODEM}, {@code REFUSED} (the message says
     *                            which part; earlier parts went out), {@code TIMEOUT}
     */
    List<Integer> send(String to, String text, boolean statusReport) throws TelephonyException;
}
