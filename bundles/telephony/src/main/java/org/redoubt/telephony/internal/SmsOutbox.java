package org.redoubt.telephony.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.store.MessageStore;
import org.redoubt.store.StoreException;
import org.redoubt.telephony.NetworkStatus;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.Sms;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;
import org.redoubt.telephony.sms.PduException;
import org.redoubt.telephony.sms.SmsCodec;
import org.redoubt.telephony.sms.SubmitOptions;
import org.redoubt.telephony.sms.SubmitPdu;

/**
 * Sends text messages: checks, encodes, and hands each part to the modem with {@code AT+CMGS};
 * then keeps the message in the store's sent messages. Telephony thread only.
 */
final class SmsOutbox {

    private final ModemPort modem;
    private final Restrictions restrictions;
    private final Supplier<SimState> sim;
    private final Supplier<NetworkStatus> network;
    private final Supplier<MessageStore> store;
    private final Clock clock;
    private final Logger logger;
    private int nextReference; // the concatenation reference, one per message, so a recipient never mixes two

    SmsOutbox(ModemPort modem, Restrictions restrictions, Supplier<SimState> sim, Supplier<NetworkStatus> network,
            Supplier<MessageStore> store, Clock clock, Logger logger) {
        this.modem = modem;
        this.restrictions = restrictions;
        this.sim = sim;
        this.network = network;
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        this.nextReference = (int) (clock.millis() & 0xFF);
    }

    /** @see Sms#send */
    List<Integer> send(String to, String text, boolean statusReport) throws TelephonyException {
        String number = Numbers.number(to);
        if (text == null || text.isEmpty() || text.length() > Sms.MAX_TEXT_LENGTH) {
            throw new TelephonyException(Reason.INVALID_ARGUMENT, "a message is 1.." + Sms.MAX_TEXT_LENGTH + " characters",
                    null);
        }
        if (!restrictions.permits(Restrictions.Direction.OUTGOING_SMS, number)) {
            throw new TelephonyException(Reason.RESTRICTED, "messages to " + number + " are not allowed", null);
        }
        if (!modem.available()) {
            throw new TelephonyException(Reason.NO_MODEM, "no modem", null);
        }
        if (sim.get() != SimState.READY) {
            throw new TelephonyException(Reason.SIM_LOCKED, "the SIM is " + sim.get(), null);
        }
        if (!network.get().registered()) {
            throw new TelephonyException(Reason.NO_NETWORK, "not registered on a network", null);
        }
        List<SubmitPdu> parts = encode(number, text, statusReport);
        List<Integer> references = new ArrayList<>(parts.size());
        for (SubmitPdu part : parts) {
            AtResponse response = modem.sendWithPayload("AT+CMGS=" + part.tpduLength(), part.hex());
            if (!response.isOk()) {
                throw new TelephonyException(Reason.REFUSED, "part " + part.sequence() + " of " + part.total()
                        + " answered " + response.result().line(), null);
            }
            references.add(reference(response));
        }
        keep(number, text);
        return List.copyOf(references);
    }

    private List<SubmitPdu> encode(String number, String text, boolean statusReport) throws TelephonyException {
        SubmitOptions options = SubmitOptions.withReference(nextReference);
        nextReference = (nextReference + 1) & 0xFF;
        try {
            return SmsCodec.submit(number, text, statusReport ? options.requestingStatusReport() : options);
        } catch (PduException e) {
            throw new TelephonyException(Reason.INVALID_ARGUMENT, e.getMessage(), e);
        }
    }

    /** @return the TP-MR in {@code +CMGS: <mr>}, or -1 when the modem did not say */
    private static int reference(AtResponse response) {
        for (String line : response.information()) {
            List<String> values = AtReplies.parameters(line, "+CMGS:");
            if (!values.isEmpty()) {
                return AtReplies.integer(values.get(0));
            }
        }
        return -1;
    }

    private void keep(String number, String text) {
        MessageStore messages = store.get();
        if (messages == null) {
            logger.info("The SMS went out; there is no message store to keep it in");
            return;
        }
        try {
            messages.addSent(number, text, clock.instant());
        } catch (StoreException e) {
            logger.warn("The SMS went out but could not be kept: {}", e.reason());
        }
    }
}
