package org.redoubt.telephony.sms;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.redoubt.telephony.sms.PduException.Reason;

/**
 * Encodes and decodes SMS PDUs (TS 23.040 9.2.2) as hex with the service-centre address in front,
 * the way 27.005 PDU mode carries them. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class SmsCodec {

    private static final int MTI_MASK = 0x03;
    private static final int MTI_DELIVER = 0x00;
    private static final int MTI_SUBMIT = 0x01;
    private static final int MTI_STATUS_REPORT = 0x02;
    private static final int UDHI = 0x40;
    private static final int SRR = 0x20;
    private static final int VPF_RELATIVE = 0x10;
    private static final int VPF_MASK = 0x18;
    private static final String NO_SERVICE_CENTRE = "00";

    private SmsCodec() {
    }

    /**
     * Encodes a text message as one SMS-SUBMIT per part: 7-bit when every character is in the GSM
     * alphabet, UCS-2 otherwise; concatenated when it does not fit one SMS.
     *
     * @param recipient a number: optional {@code +}, then 1..20 of {@code 0-9 * #}
     * @param text      the text
     * @param options   reference, status report and validity
     * @return the parts in order
     * @throws PduException {@code INVALID_ADDRESS}, {@code TOO_LONG}
     */
    public static List<SubmitPdu> submit(String recipient, String text, SubmitOptions options) throws PduException {
        byte[] destination = Address.encode(recipient, false);
        if (text == null) {
            throw new PduException(Reason.INVALID_ARGUMENT, "no text");
        }
        Alphabet alphabet = TextSplitter.alphabetFor(text);
        List<String> parts = TextSplitter.split(text, alphabet, options.wideReference());
        List<SubmitPdu> pdus = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Concatenation place = parts.size() == 1 ? null
                    : new Concatenation(options.reference(), parts.size(), i + 1, options.wideReference());
            ByteArrayOutputStream tpdu = new ByteArrayOutputStream(UserData.MAX_OCTETS + 32);
            tpdu.write(MTI_SUBMIT | VPF_RELATIVE | (options.statusReport() ? SRR : 0) | (place != null ? UDHI : 0));
            tpdu.write(0); // TP-MR: the modem numbers the messages
            tpdu.writeBytes(destination);
            tpdu.write(0); // TP-PID: plain SMS
            tpdu.write(UserData.dataCodingScheme(alphabet));
            tpdu.write(ValidityPeriod.encode(options.validity()));
            tpdu.writeBytes(UserData.encode(alphabet, parts.get(i), place));
            byte[] octets = tpdu.toByteArray();
            pdus.add(new SubmitPdu(NO_SERVICE_CENTRE + Hex.encode(octets), octets.length, i + 1, parts.size()));
        }
        return List.copyOf(pdus);
    }

    /**
     * @param text a text being written
     * @return its alphabet, its number of SMS and the room left in the last one
     */
    public static SegmentCount count(String text) {
        return TextSplitter.count(text == null ? "" : text);
    }

    /**
     * Encodes a text message as the network delivers it, one SMS-DELIVER per part: what the modem
     * simulator and tests hand to telephony.
     *
     * @param originator    a number, or a sender name of up to 11 GSM characters
     * @param text          the text
     * @param sent          the service centre's time stamp; its offset a whole number of quarter hours
     * @param reference     the concatenation reference (when it needs more than one part)
     * @param wideReference 16-bit reference
     * @return the parts' PDUs in hex, each with an empty service-centre address in front
     * @throws PduException {@code INVALID_ADDRESS}, {@code TOO_LONG}, {@code INVALID_ARGUMENT}
     */
    public static List<String> deliver(String originator, String text, OffsetDateTime sent, int reference,
            boolean wideReference) throws PduException {
        byte[] address = Address.encode(originator, true);
        byte[] time = ServiceCentreTime.encode(sent);
        if (text == null) {
            throw new PduException(Reason.INVALID_ARGUMENT, "no text");
        }
        if (reference < 0 || reference > (wideReference ? 0xFFFF : 0xFF)) {
            throw new PduException(Reason.INVALID_ARGUMENT, "reference out of range");
        }
        Alphabet alphabet = TextSplitter.alphabetFor(text);
        List<String> parts = TextSplitter.split(text, alphabet, wideReference);
        List<String> pdus = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Concatenation place = parts.size() == 1 ? null : new Concatenation(reference, parts.size(), i + 1, wideReference);
            ByteArrayOutputStream tpdu = new ByteArrayOutputStream(UserData.MAX_OCTETS + 32);
            tpdu.write(MTI_DELIVER | 0x04 | (place != null ? UDHI : 0)); // TP-MMS: no more messages waiting
            tpdu.writeBytes(address);
            tpdu.write(0);
            tpdu.write(UserData.dataCodingScheme(alphabet));
            tpdu.writeBytes(time);
            tpdu.writeBytes(UserData.encode(alphabet, parts.get(i), place));
            pdus.add(NO_SERVICE_CENTRE + Hex.encode(tpdu.toByteArray()));
        }
        return List.copyOf(pdus);
    }

    /**
     * Encodes a status report as the network sends it for a message that asked for one.
     *
     * @param reference  the message's TP-MR, 0..255
     * @param recipient  the number it went to
     * @param submitted  when the service centre took it
     * @param discharged when it was delivered or given up on
     * @param status     TP-ST, 0..255
     * @return the PDU in hex, with an empty service-centre address in front
     * @throws PduException {@code INVALID_ADDRESS}, {@code INVALID_ARGUMENT}
     */
    public static String statusReport(int reference, String recipient, OffsetDateTime submitted,
            OffsetDateTime discharged, int status) throws PduException {
        if (reference < 0 || reference > 255 || status < 0 || status > 255) {
            throw new PduException(Reason.INVALID_ARGUMENT, "reference and status are octets");
        }
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream(32);
        tpdu.write(MTI_STATUS_REPORT | 0x04); // TP-MMS: no more messages waiting
        tpdu.write(reference);
        tpdu.writeBytes(Address.encode(recipient, false));
        tpdu.writeBytes(ServiceCentreTime.encode(submitted));
        tpdu.writeBytes(ServiceCentreTime.encode(discharged));
        tpdu.write(status);
        return NO_SERVICE_CENTRE + Hex.encode(tpdu.toByteArray());
    }

    /**
     * Decodes what the network sent: an SMS-DELIVER or an SMS-STATUS-REPORT.
     *
     * @param hex the PDU as the modem reports it, service-centre address first
     * @return the message or report
     * @throws PduException why it is not one; nothing else is thrown, whatever {@code hex} holds
     */
    public static IncomingPdu decode(String hex) throws PduException {
        PduReader pdu = afterServiceCentre(hex);
        int first = pdu.octet("the first octet");
        return switch (first & MTI_MASK) {
            case MTI_DELIVER -> deliver(pdu, first);
            case MTI_STATUS_REPORT -> statusReport(pdu);
            default -> throw new PduException(Reason.UNSUPPORTED_TYPE, "TP-MTI " + (first & MTI_MASK)
                    + " is not a message or status report for a handset");
        };
    }

    /**
     * Decodes an SMS-SUBMIT, as a handset sends it.
     *
     * @param hex the PDU, service-centre address first
     * @return the message
     * @throws PduException why it is not one
     */
    public static SmsSubmit decodeSubmit(String hex) throws PduException {
        PduReader pdu = afterServiceCentre(hex);
        int first = pdu.octet("the first octet");
        if ((first & MTI_MASK) != MTI_SUBMIT) {
            throw new PduException(Reason.UNSUPPORTED_TYPE, "TP-MTI " + (first & MTI_MASK) + " is not SMS-SUBMIT");
        }
        int reference = pdu.octet("TP-MR");
        String destination = Address.decode(pdu, "TP-DA");
        pdu.octet("TP-PID");
        int dcs = pdu.octet("TP-DCS");
        switch (first & VPF_MASK) {
            case VPF_RELATIVE -> pdu.skip(1, "TP-VP");
            case 0x08, 0x18 -> pdu.skip(7, "TP-VP");
            default -> {
                // no validity period
            }
        }
        Alphabet alphabet = UserData.alphabet(dcs);
        UserData.Decoded data = UserData.decode(pdu, alphabet, (first & UDHI) != 0);
        return new SmsSubmit(destination, alphabet, data.text(), data.concatenation(), (first & SRR) != 0, reference);
    }

    private static SmsDeliver deliver(PduReader pdu, int first) throws PduException {
        String originator = Address.decode(pdu, "TP-OA");
        pdu.octet("TP-PID");
        int dcs = pdu.octet("TP-DCS");
        Optional<OffsetDateTime> sent = ServiceCentreTime.decode(pdu, "TP-SCTS");
        Alphabet alphabet = UserData.alphabet(dcs);
        UserData.Decoded data = UserData.decode(pdu, alphabet, (first & UDHI) != 0);
        return new SmsDeliver(originator, sent, alphabet, data.text(), data.concatenation(), UserData.flash(dcs));
    }

    private static StatusReport statusReport(PduReader pdu) throws PduException {
        int reference = pdu.octet("TP-MR");
        String recipient = Address.decode(pdu, "TP-RA");
        Optional<OffsetDateTime> submitted = ServiceCentreTime.decode(pdu, "TP-SCTS");
        Optional<OffsetDateTime> discharged = ServiceCentreTime.decode(pdu, "TP-DT");
        int status = pdu.octet("TP-ST");
        return new StatusReport(reference, recipient, submitted, discharged, status); // optional fields after TP-ST unused
    }

    private static PduReader afterServiceCentre(String hex) throws PduException {
        PduReader pdu = new PduReader(Hex.decode(hex));
        int serviceCentre = pdu.octet("the service-centre address length");
        if (serviceCentre > 12) {
            throw new PduException(Reason.MALFORMED_FIELD, "the service-centre address is " + serviceCentre
                    + " octets, at most 12");
        }
        pdu.skip(serviceCentre, "the service-centre address");
        return pdu;
    }
}
