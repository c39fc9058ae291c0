package org.redoubt.driver.modem;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The AT command channel. Thread-safe: concurrent callers are served one command at a time, in
 * arrival order.
 *
 * @since 1.0
 */
@ProviderType
public interface AtChannel {

    /** The longest line accepted from the modem or as a command, in characters. */
    int MAX_LINE_LENGTH = 1024;

    /**
     * Sends one command and waits for its final result code.
     *
     * @param command the command without the trailing carriage return, e.g. {@code AT+CSQ};
     *                printable ASCII, at most {@link #MAX_LINE_LENGTH} characters
     * @param timeout how long to wait for the final result code
     * @return the information lines and the final result (which may be an error result such as
     *         {@code +CME ERROR: 10}: that is the modem's answer, not a failure of the channel)
     * @throws AtException {@code TIMEOUT}, {@code CLOSED}, {@code INVALID_COMMAND}, {@code INTERRUPTED}
     */
    AtResponse send(String command, Duration timeout) throws AtException;

    /**
     * Sends a command that expects a payload after the modem's {@code "> "} prompt, such as
     * {@code AT+CMGS=<length>} followed by an SMS PDU; the payload is ended with Ctrl-Z.
     *
     * @param command the command
     * @param payload the payload: printable ASCII (hex PDU), no line breaks
     * @param timeout how long to wait for the prompt, and then for the final result code
     * @return the information lines and the final result
     * @throws AtException as {@link #send}; {@code NO_PROMPT} when the modem answered the command
     *                     without a prompt (its result is in the message)
     */
    AtResponse sendWithPayload(String command, String payload, Duration timeout) throws AtException;

    /** @param listener receives every unsolicited result from now on, on the channel's reader thread */
    void addUnsolicitedListener(UnsolicitedListener listener);

    /** @param listener no longer receives unsolicited results */
    void removeUnsolicitedListener(UnsolicitedListener listener);
}
