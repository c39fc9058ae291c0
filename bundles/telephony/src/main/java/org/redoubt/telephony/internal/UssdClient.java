package org.redoubt.telephony.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.redoubt.driver.modem.AtResponse;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/**
 * USSD over +CUSD: the request is answered with OK at once and the network's text arrives later as
 * a +CUSD result code. A +CUSD without a request waiting is the network's own message. Runs on the
 * telephony thread; the caller waits for the answer off that thread.
 */
final class UssdClient {

    private final ModemPort modem;
    private final TelephonyEventSink events;
    private CompletableFuture<String> pending; // telephony thread only

    UssdClient(ModemPort modem, TelephonyEventSink events) {
        this.modem = modem;
        this.events = events;
    }

    /** Sends the request; the answer completes the returned future. */
    CompletableFuture<String> request(String code) throws TelephonyException {
        String checked = Numbers.ussd(code);
        if (pending != null) {
            pending.completeExceptionally(new TelephonyException(Reason.REFUSED, "replaced by a new request", null));
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending = answer;
        AtResponse response = modem.send("AT+CUSD=1,\"" + checked + "\",15");
        if (!response.isOk()) {
            pending = null;
            throw ModemPort.refused("AT+CUSD", response.result());
        }
        return answer;
    }

    /** {@code +CUSD: <m>[,<str>,<dcs>]} (27.007 7.15). */
    void onReport(String line) {
        List<String> values = AtReplies.parameters(line, "+CUSD:");
        if (values.isEmpty()) {
            return;
        }
        int status = AtReplies.integer(values.get(0));
        String text = values.size() > 1 ? values.get(1) : "";
        if (pending != null) {
            CompletableFuture<String> answer = pending;
            pending = null;
            if (status == 0 || status == 1) {
                answer.complete(text);
            } else {
                answer.completeExceptionally(new TelephonyException(Reason.REFUSED,
                        "the network ended the USSD session (status " + status + ")", null));
            }
        } else if (!text.isEmpty()) {
            events.post(TelephonyEvents.USSD, Map.of(TelephonyEvents.TEXT, text));
        }
    }

    void reset() {
        if (pending != null) {
            pending.completeExceptionally(new TelephonyException(Reason.NO_MODEM, "the modem went away", null));
            pending = null;
        }
    }
}
