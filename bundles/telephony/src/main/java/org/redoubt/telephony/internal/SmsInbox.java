package org.redoubt.telephony.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.UnsolicitedResult;
import org.redoubt.store.MessageStore;
import org.redoubt.store.StoreException;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.sms.IncomingPdu;
import org.redoubt.telephony.sms.PduException;
import org.redoubt.telephony.sms.Reassembler;
import org.redoubt.telephony.sms.SmsCodec;
import org.redoubt.telephony.sms.SmsDeliver;
import org.redoubt.telephony.sms.StatusReport;

/**
 * Received SMS, from the SIM into the encrypted message store. The modem stores each message or
 * part on the SIM and announces it ({@code +CMTI}); it is read, decoded, checked against the
 * incoming restrictions, put together with its other parts, and kept in the message store (which
 * takes messages while the handset is locked too). Only then are its parts deleted from the SIM:
 * a message that cannot be kept yet (no store, a store failure, telephony restarting) stays on the
 * SIM and is read again later, so nothing received is lost. A PDU that does not decode stays on
 * the SIM too. Telephony thread only.
 */
final class SmsInbox implements TelephonyEngine.UnsolicitedResultHandler {

    /** How long an incomplete concatenated message waits for its other parts, by default. */
    static final Duration PART_TIMEOUT = Duration.ofHours(1);
    private static final int MAX_INCOMPLETE = 32;
    private static final int NOT_ON_SIM = -1;
    private static final String UNKNOWN_SENDER = "Unknown";

    private final ModemPort modem;
    private final TelephonyEventSink events;
    private final Restrictions restrictions;
    private final Supplier<MessageStore> store;
    private final Clock clock;
    private final Logger logger;
    private final Reassembler<Integer> reassembler;
    private final Set<Integer> undecodable = new HashSet<>();
    private boolean behind; // a message could not be kept: read the SIM again

    SmsInbox(ModemPort modem, TelephonyEventSink events, Restrictions restrictions, Supplier<MessageStore> store,
            Clock clock, Logger logger, Duration partTimeout) {
        this.modem = modem;
        this.events = events;
        this.restrictions = restrictions;
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        this.reassembler = new Reassembler<>(clock, partTimeout, MAX_INCOMPLETE);
    }

    @Override
    public boolean handle(UnsolicitedResult result) throws TelephonyException {
        String line = result.line();
        if (line.startsWith("+CMTI:")) {
            List<String> values = AtReplies.parameters(line, "+CMTI:");
            int index = values.size() == 2 ? AtReplies.integer(values.get(1)) : -1;
            if (index < 0) {
                logger.warn("Ignored a malformed new-message indication");
            } else {
                read(index);
            }
            return true;
        }
        if (line.startsWith("+CDS:") || line.startsWith("+CMT:")) {
            result.payload().ifPresentOrElse(pdu -> accept(NOT_ON_SIM, pdu),
                    () -> logger.warn("{} came without its PDU", result.name()));
            expire();
            return true;
        }
        return false;
    }

    /** Reads every message on the SIM: those that came while telephony was away, and those not kept yet. */
    void scan() throws TelephonyException {
        AtResponse list = modem.send("AT+CMGL=4");
        if (!list.isOk()) {
            logger.info("The modem does not list stored messages: {}", list.result().line());
            return;
        }
        behind = false;
        List<String> lines = list.information();
        for (int i = 0; i + 1 < lines.size(); i++) {
            List<String> values = AtReplies.parameters(lines.get(i), "+CMGL:");
            if (!values.isEmpty()) {
                accept(AtReplies.integer(values.get(0)), lines.get(++i));
            }
        }
        expire();
    }

    /** The watchdog's turn: give up on parts that did not come, and retry what could not be kept. */
    void tick() throws TelephonyException {
        if (behind && modem.available()) {
            scan();
        } else {
            expire();
        }
    }

    /** The modem went away: what it stored is read again when it is back. */
    void reset() {
        undecodable.clear();
    }

    private void read(int index) throws TelephonyException {
        AtResponse response = modem.send("AT+CMGR=" + index);
        List<String> lines = response.information();
        if (!response.isOk() || lines.size() < 2) {
            logger.warn("Reading SMS {} from the SIM failed: {}", index, response.result().line());
            return;
        }
        accept(index, lines.get(lines.size() - 1));
        expire();
    }

    private void accept(int index, String hex) {
        if (index != NOT_ON_SIM && undecodable.contains(index)) {
            return;
        }
        IncomingPdu pdu;
        try {
            pdu = SmsCodec.decode(hex);
        } catch (PduException e) {
            logger.warn("An SMS PDU does not decode ({}: {}); it stays on the SIM", e.reason(), e.getMessage());
            undecodable.add(index);
            return;
        }
        if (pdu instanceof StatusReport report) {
            report(report);
            delete(index);
        } else if (pdu instanceof SmsDeliver sms) {
            if (!restrictions.permits(Restrictions.Direction.INCOMING_SMS, sms.originator())) {
                logger.info("Dropped an SMS from a sender the restrictions refuse");
                delete(index);
                return;
            }
            reassembler.offer(sms, index).ifPresent(this::keep);
        }
    }

    private void expire() {
        reassembler.expire().forEach(this::keep);
    }

    private void keep(Reassembler.Assembled<Integer> message) {
        MessageStore messages = store.get();
        if (messages == null) {
            behind = true;
            logger.info("No message store yet: the SMS stays on the SIM");
            return;
        }
        String sender = sender(message.originator());
        try {
            long first = -1;
            for (String chunk : chunks(readable(message.text()))) {
                long id = messages.deliver(sender, chunk, message.sent().map(OffsetDateTime::toInstant)
                        .orElseGet(clock::instant));
                first = first < 0 ? id : first;
            }
            events.post(TelephonyEvents.SMS_RECEIVED, Map.of(TelephonyEvents.MESSAGE_ID, first, TelephonyEvents.NUMBER,
                    sender, TelephonyEvents.COMPLETE, message.complete()));
        } catch (StoreException e) {
            behind = true;
            logger.warn("An SMS could not be kept ({}); it stays on the SIM", e.reason());
            return;
        }
        message.tags().stream().distinct().filter(index -> index != NOT_ON_SIM).forEach(this::delete);
    }

    private void report(StatusReport report) {
        if (report.outcome() == StatusReport.Outcome.PENDING) {
            logger.debug("SMS {} is not delivered yet (status {})", report.reference(), report.status());
            return;
        }
        events.post(TelephonyEvents.SMS_STATUS, Map.of(TelephonyEvents.REFERENCE, report.reference(),
                TelephonyEvents.NUMBER, report.recipient(), TelephonyEvents.DELIVERED,
                report.outcome() == StatusReport.Outcome.DELIVERED));
    }

    private void delete(int index) {
        if (index == NOT_ON_SIM) {
            return;
        }
        try {
            AtResponse response = modem.send("AT+CMGD=" + index);
            if (!response.isOk()) {
                logger.warn("Deleting SMS {} from the SIM failed: {}", index, response.result().line());
            }
        } catch (TelephonyException e) {
            logger.warn("Deleting SMS {} from the SIM failed: {}", index, e.getMessage());
        }
    }

    /** @return a sender the store takes: no control characters, at most 32 characters, never empty */
    static String sender(String originator) {
        String cleaned = readable(originator).replace('\n', ' ').replace('\r', ' ').strip();
        cleaned = cleaned.length() > 32 ? cleaned.substring(0, 32).strip() : cleaned;
        return cleaned.isEmpty() ? UNKNOWN_SENDER : cleaned;
    }

    /** @return the text with control characters other than line breaks as spaces (a form feed, a NUL) */
    static String readable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.chars().forEach(c -> clean.append(Character.isISOControl(c) && c != '\n' && c != '\r' ? ' ' : (char) c));
        return clean.toString();
    }

    /** @return the text in pieces the store takes; a text beyond its limit becomes several messages */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + MessageStore.MAX_BODY_LENGTH);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep a surrogate pair together
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks.isEmpty() ? List.of("") : chunks;
    }
}
