package org.redoubt.telephony.internal;

import java.util.List;
import java.util.Map;

import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/** The SIM's PIN and PUK over +CPIN, +CPWD and +CLCK. Runs on the telephony thread. */
final class SimControl {

    /** 27.007 9.2.1: SIM not inserted. */
    private static final int CME_SIM_NOT_INSERTED = 10;
    /** 27.007 9.2.1: SIM PUK required. */
    private static final int CME_PUK_REQUIRED = 12;
    /** 27.007 9.2.1: incorrect password. */
    private static final int CME_INCORRECT_PASSWORD = 16;

    private final ModemPort modem;
    private final TelephonyEventSink events;
    private volatile SimState state = SimState.UNKNOWN;

    SimControl(ModemPort modem, TelephonyEventSink events) {
        this.modem = modem;
        this.events = events;
    }

    SimState state() {
        return state;
    }

    void refresh() throws TelephonyException {
        AtResponse response = modem.send("AT+CPIN?");
        if (response.result().kind() == FinalResult.Kind.CME_ERROR
                && response.result().code().orElse(-1) == CME_SIM_NOT_INSERTED) {
            update(SimState.ABSENT);
            return;
        }
        for (String line : response.information()) {
            onReport(line);
        }
    }

    /** A +CPIN line, asked or reported. */
    void onReport(String line) {
        List<String> values = AtReplies.parameters(line, "+CPIN:");
        if (values.isEmpty()) {
            return;
        }
        update(switch (values.get(0)) {
            case "READY" -> SimState.READY;
            case "SIM PIN" -> SimState.PIN_REQUIRED;
            case "SIM PUK" -> SimState.PUK_REQUIRED;
            default -> SimState.UNKNOWN;
        });
    }

    void enterPin(String pin) throws TelephonyException {
        check(modem.send("AT+CPIN=\"" + Numbers.pin(pin) + "\""), Reason.WRONG_PIN);
    }

    void unblock(String puk, String newPin) throws TelephonyException {
        check(modem.send("AT+CPIN=\"" + Numbers.puk(puk) + "\",\"" + Numbers.pin(newPin) + "\""), Reason.WRONG_PUK);
    }

    void changePin(String oldPin, String newPin) throws TelephonyException {
        check(modem.send("AT+CPWD=\"SC\",\"" + Numbers.pin(oldPin) + "\",\"" + Numbers.pin(newPin) + "\""),
                Reason.WRONG_PIN);
    }

    void requirePin(boolean required, String pin) throws TelephonyException {
        check(modem.send("AT+CLCK=\"SC\"," + (required ? 1 : 0) + ",\"" + Numbers.pin(pin) + "\""), Reason.WRONG_PIN);
    }

    void reset() {
        update(SimState.UNKNOWN);
    }

    /** Maps the answer, then asks for the state again (a wrong PIN may have blocked the SIM). */
    private void check(AtResponse response, Reason wrong) throws TelephonyException {
        FinalResult result = response.result();
        refresh();
        if (result.kind() == FinalResult.Kind.OK) {
            return;
        }
        int code = result.code().orElse(-1);
        if (code == CME_INCORRECT_PASSWORD) {
            throw new TelephonyException(wrong, wrong == Reason.WRONG_PUK ? "wrong PUK" : "wrong PIN", null);
        }
        if (code == CME_PUK_REQUIRED) {
            throw new TelephonyException(Reason.SIM_LOCKED, "the SIM is blocked: it needs the PUK", null);
        }
        throw new TelephonyException(Reason.REFUSED, "the SIM refused: " + result.line(), null);
    }

    private void update(SimState next) {
        if (next != state) {
            state = next;
            events.post(TelephonyEvents.SIM, Map.of(TelephonyEvents.SIM_STATE, next.name()));
        }
    }
}
