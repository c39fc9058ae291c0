package org.redoubt.telephony.internal;

import java.time.Duration;

import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/** The AT channel telephony currently uses, with failures turned into telephony reasons. */
final class ModemPort {

    /** How long a command may take; network operations (dial, USSD) answer within this too. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private volatile AtChannel channel;
    private volatile Runnable callResultSeen = () -> { };

    /**
     * @param hook runs when a command other than a call command ends with NO CARRIER, BUSY or NO
     *             ANSWER: that was a call ending while the command waited (the AT protocol cannot tell
     *             the two apart), so the calls must be read again
     */
    void onCallResultSeen(Runnable hook) {
        callResultSeen = hook;
    }

    void use(AtChannel next) {
        channel = next;
    }

    boolean available() {
        return channel != null;
    }

    /**
     * @param command an AT command
     * @return the modem's answer, whatever its final result
     * @throws TelephonyException {@code NO_MODEM} when there is no channel or it broke, {@code TIMEOUT}
     */
    AtResponse send(String command) throws TelephonyException {
        AtChannel current = channel;
        if (current == null) {
            throw new TelephonyException(Reason.NO_MODEM, "no modem", null);
        }
        try {
            AtResponse response = current.send(command, COMMAND_TIMEOUT);
            FinalResult.Kind kind = response.result().kind();
            if ((kind == FinalResult.Kind.NO_CARRIER || kind == FinalResult.Kind.BUSY
                    || kind == FinalResult.Kind.NO_ANSWER) && !command.startsWith("ATD") && !command.equals("ATA")) {
                callResultSeen.run();
            }
            return response;
        } catch (AtException e) {
            throw new TelephonyException(e.reason() == AtException.Reason.TIMEOUT ? Reason.TIMEOUT : Reason.NO_MODEM,
                    "the modem did not answer " + redacted(command) + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param command a command that prompts for a payload, e.g. {@code AT+CMGS=23}
     * @param payload the payload (an SMS PDU in hex)
     * @return the modem's answer, whatever its final result
     * @throws TelephonyException {@code REFUSED} when the modem did not prompt, and the reasons of {@link #send}
     */
    AtResponse sendWithPayload(String command, String payload) throws TelephonyException {
        AtChannel current = channel;
        if (current == null) {
            throw new TelephonyException(Reason.NO_MODEM, "no modem", null);
        }
        try {
            return current.sendWithPayload(command, payload, COMMAND_TIMEOUT);
        } catch (AtException e) {
            Reason reason = switch (e.reason()) {
                case TIMEOUT -> Reason.TIMEOUT;
                case NO_PROMPT -> Reason.REFUSED;
                default -> Reason.NO_MODEM;
            };
            throw new TelephonyException(reason, command + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param command an AT command that must succeed
     * @return its answer
     * @throws TelephonyException {@code REFUSED} with the modem's error, and the reasons of {@link #send}
     */
    AtResponse require(String command) throws TelephonyException {
        AtResponse response = send(command);
        if (!response.isOk()) {
            throw refused(command, response.result());
        }
        return response;
    }

    static TelephonyException refused(String command, FinalResult result) {
        return new TelephonyException(Reason.REFUSED, redacted(command) + " answered " + result.line(), null);
    }

    /** @return the command without its arguments when they may hold a PIN or PUK */
    static String redacted(String command) {
        String upper = command.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("AT+CPIN=") || upper.startsWith("AT+CPWD=") || upper.startsWith("AT+CLCK=")) {
            return command.substring(0, command.indexOf('=') + 1) + "...";
        }
        return command;
    }
}
