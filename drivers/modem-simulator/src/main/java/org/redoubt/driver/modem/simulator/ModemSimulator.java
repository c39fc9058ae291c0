package org.redoubt.driver.modem.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redoubt.telephony.sms.PduException;
import org.redoubt.telephony.sms.SmsCodec;
import org.redoubt.telephony.sms.SmsSubmit;

/**
 * A modem with a network behind it, speaking the 3GPP TS 27.007 / 27.005 subset the telephony
 * stack uses. Tests and the command interface drive the network side (an incoming call, an SMS,
 * network loss, a signal change, a reset); AT clients drive the modem side through
 * {@link SimulatorSession}s. Thread-safe: one lock guards the state, and unsolicited results go
 * to every session.
 *
 * <p>Defaults: registered on "Redoubt Net" (home; {@link #roaming} registers on "Visited Net" instead),
 * packet domain attached ({@code +CGATT}), signal 20, SIM locked with PIN 1234 (PUK 12345678),
 * SMS in PDU mode, new messages stored and announced with +CMTI once +CNMI asks for it, status
 * reports sent with +CDS when +CNMI asks for them and the message requested one. What the handset
 * sent is kept for tests ({@link #submitted()}); messages to an {@link #unreachable} number fail.
 */
public final class ModemSimulator {

    /** The simulated SIM's PIN. */
    public static final String DEFAULT_PIN = "1234";
    /** The simulated SIM's PUK. */
    public static final String DEFAULT_PUK = "12345678";

    private static final Pattern NUMBER = Pattern.compile("[0-9+*#]{1,40}");
    private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2}){2,400}");

    private final Object lock = new Object();
    private final List<Consumer<String>> sessions = new CopyOnWriteArrayList<>();

    // Network and modem state, guarded by lock.
    private boolean registered;
    private boolean roaming; // where the handset is: not a modem setting, so a reset keeps it
    private boolean packetAttached;
    private String operator;
    private int rssi;
    private SimCard sim;
    private final List<Call> calls = new ArrayList<>();
    private int nextCallId;
    private final TreeMap<Integer, StoredMessage> messages = new TreeMap<>();
    private int nextReference;
    private int cregMode;
    private int ceregMode;
    private boolean clip;
    private boolean ccwa;
    private boolean muted;
    private int newMessageIndication;
    private int statusReportIndication;
    private String serviceCentre;
    private int nextConcatenationReference;
    private final List<String> submitted = new ArrayList<>();
    private final Set<String> unreachable = new HashSet<>();

    /** A call as +CLCC reports it. */
    private record Call(int id, boolean mobileTerminated, int state, String number) {
        static final int ACTIVE = 0;
        static final int HELD = 1;
        static final int ALERTING = 3;
        static final int INCOMING = 4;
        static final int WAITING = 5;

        Call withState(int next) {
            return new Call(id, mobileTerminated, next, number);
        }
    }

    /** A stored SMS: its PDU and whether it was read. */
    private record StoredMessage(String pdu, boolean read) {
    }

    /** Starts in the default state. */
    public ModemSimulator() {
        reset();
    }

    // ---- network side: what tests and the command interface script ----

    /**
     * Power-cycles the modem: calls drop, settings return to defaults (packet domain attached), the
     * SIM is locked again. Roaming stays: it is where the handset is.
     */
    public void reset() {
        synchronized (lock) {
            registered = true;
            packetAttached = true;
            operator = "Redoubt Net";
            rssi = 20;
            sim = new SimCard(DEFAULT_PIN, DEFAULT_PUK, true);
            calls.clear();
            nextCallId = 1;
            cregMode = 0;
            ceregMode = 0;
            clip = false;
            ccwa = false;
            newMessageIndication = 0;
            statusReportIndication = 0;
            serviceCentre = "+491720000000";
            nextReference = 1;
        }
    }

    /** @param number the caller; rings, or waits (+CCWA) when a call is already up */
    public void incomingCall(String number) {
        synchronized (lock) {
            if (!registered) {
                return;
            }
            if (calls.isEmpty()) {
                calls.add(new Call(nextCallId++, true, Call.INCOMING, number));
                emit("RING");
                if (clip) {
                    emit("+CLIP: \"" + number + "\"," + type(number));
                }
            } else {
                calls.add(new Call(nextCallId++, true, Call.WAITING, number));
                if (ccwa) {
                    emit("+CCWA: \"" + number + "\"," + type(number) + ",1");
                }
            }
        }
    }

    /** The called party answers: the oldest alerting call becomes active (no result code, as on a real modem). */
    public void remoteAnswer() {
        synchronized (lock) {
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).state() == Call.ALERTING) {
                    calls.set(i, calls.get(i).withState(Call.ACTIVE));
                    return;
                }
            }
        }
    }

    /** The called party is busy: the alerting call ends with {@code BUSY}. */
    public void remoteBusy() {
        synchronized (lock) {
            if (calls.removeIf(call -> call.state() == Call.ALERTING)) {
                emit("BUSY");
            }
        }
    }

    /** The other party hangs up the oldest call. */
    public void remoteHangUp() {
        synchronized (lock) {
            if (!calls.isEmpty()) {
                calls.remove(0);
                emit("NO CARRIER");
            }
        }
    }

    /**
     * Delivers an SMS from the network.
     *
     * @param pdu the SMS-DELIVER PDU with its service-centre prefix, in hex
     */
    public void deliverSms(String pdu) {
        synchronized (lock) {
            if (newMessageIndication == 2) {
                emit("+CMT: ," + tpduLength(pdu) + "\r\n" + pdu.toUpperCase(Locale.ROOT));
                return;
            }
            int index = messages.isEmpty() ? 1 : messages.lastKey() + 1;
            messages.put(index, new StoredMessage(pdu.toUpperCase(Locale.ROOT), false));
            if (newMessageIndication == 1) {
                emit("+CMTI: \"SM\"," + index);
            }
        }
    }

    /**
     * Delivers a text message from the network, in as many concatenated parts as it needs.
     *
     * @param from the sender: a number or a sender name of up to 11 characters
     * @param text the text
     * @throws IllegalArgumentException when the sender or text cannot be an SMS
     */
    public void smsFrom(String from, String text) {
        List<String> parts;
        synchronized (lock) {
            try {
                parts = SmsCodec.deliver(from, text, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                        nextConcatenationReference++ % 256, false);
            } catch (PduException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            parts.forEach(this::deliverSms);
        }
    }

    /** @param number messages to it fail from now on (their status report says so) */
    public void unreachable(String number) {
        synchronized (lock) {
            unreachable.add(number);
        }
    }

    /** @return the SMS-SUBMIT PDUs the handset sent, in hex, oldest first */
    public List<String> submitted() {
        synchronized (lock) {
            return List.copyOf(submitted);
        }
    }

    /** The network goes away: calls drop and registration is lost. */
    public void networkLoss() {
        synchronized (lock) {
            registered = false;
            if (!calls.isEmpty()) {
                calls.clear();
                emit("NO CARRIER");
            }
            registrationChanged();
        }
    }

    /** The network comes back. */
    public void networkBack() {
        synchronized (lock) {
            registered = true;
            registrationChanged();
        }
    }

    /**
     * The handset moves to a visited network ({@code true}, 27.007 registration stat 5, operator
     * "Visited Net") or back home ({@code false}, stat 1). While registered, a change is reported
     * with {@code +CREG}/{@code +CEREG} when enabled; the packet domain attachment is left alone.
     *
     * @param visited whether the handset roams from now on
     */
    public void roaming(boolean visited) {
        synchronized (lock) {
            boolean changed = roaming != visited;
            roaming = visited;
            if (changed && registered) {
                registrationChanged();
            }
        }
    }

    /** @return whether the packet domain service is attached ({@code AT+CGATT}), for tests */
    public boolean packetAttached() {
        synchronized (lock) {
            return packetAttached;
        }
    }

    /** @param value the new signal, 0..31 (27.007 +CSQ rssi) */
    public void signal(int value) {
        if (value < 0 || value > 31) {
            throw new IllegalArgumentException("rssi is 0..31");
        }
        synchronized (lock) {
            rssi = value;
        }
    }

    /** @param zone network time zone as +CTZV reports it, e.g. {@code "+32"} (quarters of an hour) */
    public void networkTime(String zone) {
        synchronized (lock) {
            emit("+CTZV: " + zone);
        }
    }

    /** @return whether the handset's microphone is muted (+CMUT), for tests */
    public boolean muted() {
        synchronized (lock) {
            return muted && !calls.isEmpty();
        }
    }

    /** @return the stored messages' count, for tests */
    public int storedMessages() {
        synchronized (lock) {
            return messages.size();
        }
    }

    // ---- modem side ----

    void attach(Consumer<String> session) {
        sessions.add(session);
    }

    void detach(Consumer<String> session) {
        sessions.remove(session);
    }

    /**
     * Runs one command line (without CR) and returns what the modem answers, framed with CR LF.
     * Commands that need a payload return {@link Answer#prompt()}.
     */
    Answer execute(String line) {
        String command = line.trim();
        String upper = command.toUpperCase(Locale.ROOT);
        synchronized (lock) {
            if (upper.equals("AT") || upper.equals("ATZ") || upper.equals("AT+CMEE=1") || upper.equals("AT+CTZR=1")) {
                return ok(); // errors are always numeric; +CTZV is always reported
            }
            if (upper.startsWith("ATD")) {
                return dial(command.substring(3));
            }
            switch (upper) {
                case "ATA":
                    return answer();
                case "ATH":
                case "ATH0":
                    calls.clear();
                    return ok();
                case "AT+CGMI":
                    return ok("Redoubt");
                case "AT+CGMM":
                    return ok("Redoubt Modem Simulator");
                case "AT+CGMR":
                    return ok("1.0");
                case "AT+CGSN":
                    return ok("356938035643809");
                case "AT+CSQ":
                    return ok("+CSQ: " + (registered ? rssi : 99) + ",99");
                case "AT+CREG?":
                    return ok("+CREG: " + cregMode + "," + registrationStat());
                case "AT+CEREG?":
                    return ok("+CEREG: " + ceregMode + "," + registrationStat());
                case "AT+COPS?":
                    return ok(registered ? "+COPS: 0,0,\"" + (roaming ? "Visited Net" : operator) + "\",7" : "+COPS: 0");
                case "AT+CGATT?":
                    return ok("+CGATT: " + (packetAttached ? 1 : 0));
                case "AT+CGATT=?":
                    return ok("+CGATT: (0,1)");
                case "AT+CPIN?":
                    return ok("+CPIN: " + sim.state());
                case "AT+CLCC":
                    return ok(callList());
                case "AT+CMUT?":
                    return ok("+CMUT: " + (muted ? 1 : 0));
                case "AT+CMGF?":
                    return ok("+CMGF: 0");
                case "AT+CSCA?":
                    return ok("+CSCA: \"" + serviceCentre + "\"," + type(serviceCentre));
                default:
                    return parameterized(command, upper);
            }
        }
    }

    /**
     * Takes the payload of a prompted command (ended by Ctrl-Z).
     *
     * @param command the command that prompted
     * @param payload the payload
     * @return the answer
     */
    Answer payload(String command, String payload) {
        synchronized (lock) {
            int length = Integer.parseInt(command.substring(command.indexOf('=') + 1).trim());
            if (!HEX.matcher(payload).matches() || tpduLength(payload) != length) {
                return cms(304);
            }
            SmsSubmit submit;
            try {
                submit = SmsCodec.decodeSubmit(payload);
            } catch (PduException e) {
                return cms(304);
            }
            if (!registered) {
                return cms(331);
            }
            submitted.add(payload.toUpperCase(Locale.ROOT));
            int reference = nextReference++ % 256;
            Answer answer = ok("+CMGS: " + reference);
            if (!submit.statusReport() || statusReportIndication != 1) {
                return answer;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            int status = unreachable.contains(submit.destination()) ? 0x41 : 0x00;
            try {
                String report = SmsCodec.statusReport(reference, submit.destination(), now, now, status);
                return answer.then("+CDS: " + tpduLength(report) + "\r\n" + report);
            } catch (PduException e) {
                return answer; // a destination the codec reads it can also write
            }
        }
    }

    private Answer parameterized(String command, String upper) {
        String value = command.substring(command.indexOf('=') + 1);
        List<String> args = arguments(value);
        if (upper.startsWith("ATE")) {
            return ok();
        }
        if (upper.startsWith("AT+CREG=")) {
            cregMode = number(args, 0, 0, 2);
            return cregMode < 0 ? error() : ok();
        }
        if (upper.startsWith("AT+CEREG=")) {
            ceregMode = number(args, 0, 0, 2);
            return ceregMode < 0 ? error() : ok();
        }
        if (upper.startsWith("AT+CGATT=")) {
            int state = args.size() == 1 ? number(args, 0, 0, 1) : -1;
            if (state < 0) {
                return cme(3);
            }
            packetAttached = state == 1;
            return ok();
        }
        if (upper.startsWith("AT+COPS=")) {
            return registered ? ok() : cme(30);
        }
        if (upper.startsWith("AT+CPIN=")) {
            Integer failure = args.size() == 2 ? sim.enterPuk(args.get(0), args.get(1)) : sim.enterPin(args.get(0));
            return failure == null ? ok() : cme(failure);
        }
        if (upper.startsWith("AT+CLCK=")) {
            if (args.size() < 2 || !args.get(0).equalsIgnoreCase("SC")) {
                return cme(3);
            }
            if (args.get(1).equals("2")) {
                return ok("+CLCK: " + (sim.lockEnabled() ? 1 : 0));
            }
            if (args.size() < 3 || !(args.get(1).equals("0") || args.get(1).equals("1"))) {
                return cme(3);
            }
            Integer failure = sim.setLock(args.get(1).equals("1"), args.get(2));
            return failure == null ? ok() : cme(failure);
        }
        if (upper.startsWith("AT+CPWD=")) {
            if (args.size() != 3 || !args.get(0).equalsIgnoreCase("SC")) {
                return cme(3);
            }
            Integer failure = sim.changePin(args.get(1), args.get(2));
            return failure == null ? ok() : cme(failure);
        }
        if (upper.startsWith("AT+CLIP=")) {
            clip = value.trim().equals("1");
            return ok();
        }
        if (upper.startsWith("AT+CCWA=")) {
            ccwa = !args.isEmpty() && args.get(0).equals("1");
            return ok();
        }
        if (upper.startsWith("AT+CMUT=")) {
            if (calls.isEmpty() || !(value.trim().equals("0") || value.trim().equals("1"))) {
                return cme(3);
            }
            muted = value.trim().equals("1");
            return ok();
        }
        if (upper.startsWith("AT+CHLD=")) {
            return hold(value.trim());
        }
        if (upper.startsWith("AT+CMGF=")) {
            return value.trim().equals("0") ? ok() : cms(303);
        }
        if (upper.startsWith("AT+CNMI=")) {
            newMessageIndication = number(args, 1, 0, 3);
            statusReportIndication = args.size() > 3 ? number(args, 3, 0, 2) : 0;
            return newMessageIndication < 0 || statusReportIndication < 0 ? cms(303) : ok();
        }
        if (upper.startsWith("AT+CSCA=")) {
            if (args.isEmpty() || !NUMBER.matcher(args.get(0)).matches()) {
                return cms(304);
            }
            serviceCentre = args.get(0);
            return ok();
        }
        if (upper.startsWith("AT+CMGS=")) {
            if (!sim.ready()) {
                return cms(311);
            }
            return number(args, 0, 7, 164) < 0 ? cms(304) : Answer.prompt();
        }
        if ((upper.startsWith("AT+CMGR=") || upper.startsWith("AT+CMGL=") || upper.startsWith("AT+CMGD="))
                && !sim.ready()) {
            return cms(311); // the messages are on the SIM, which wants its PIN
        }
        if (upper.startsWith("AT+CMGR=")) {
            int index = number(args, 0, 1, 65535);
            StoredMessage message = messages.get(index);
            if (message == null) {
                return cms(321);
            }
            messages.put(index, new StoredMessage(message.pdu(), true));
            return ok("+CMGR: " + (message.read() ? 1 : 0) + ",," + tpduLength(message.pdu()), message.pdu());
        }
        if (upper.startsWith("AT+CMGL=")) {
            return list(number(args, 0, 0, 4));
        }
        if (upper.startsWith("AT+CMGD=")) {
            return messages.remove(number(args, 0, 1, 65535)) == null ? cms(321) : ok();
        }
        if (upper.startsWith("AT+CUSD=")) {
            return ussd(args);
        }
        return error();
    }

    /** 27.005 3.4.2 in PDU mode: 0 unread, 1 read, 4 all; listed messages count as read. */
    private Answer list(int status) {
        if (status < 0 || status == 2 || status == 3) {
            return cms(302);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Integer, StoredMessage> entry : messages.entrySet()) {
            StoredMessage message = entry.getValue();
            if (status == 4 || (status == 1) == message.read()) {
                lines.add("+CMGL: " + entry.getKey() + "," + (message.read() ? 1 : 0) + ",," + tpduLength(message.pdu()));
                lines.add(message.pdu());
                entry.setValue(new StoredMessage(message.pdu(), true));
            }
        }
        return ok(lines);
    }

    private Answer dial(String target) {
        String number = target.endsWith(";") ? target.substring(0, target.length() - 1) : target;
        if (!target.endsWith(";") || !NUMBER.matcher(number).matches()) {
            return error();
        }
        if (!sim.ready() && !isEmergency(number)) {
            return cme(11);
        }
        if (!registered) {
            return new Answer("\r\nNO CARRIER\r\n", false);
        }
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).state() == Call.ACTIVE) {
                calls.set(i, calls.get(i).withState(Call.HELD));
            }
        }
        calls.add(new Call(nextCallId++, false, Call.ALERTING, number));
        return ok();
    }

    private Answer answer() {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).state() == Call.INCOMING) {
                calls.set(i, calls.get(i).withState(Call.ACTIVE));
                return ok();
            }
        }
        return new Answer("\r\nNO CARRIER\r\n", false);
    }

    /** 27.007 7.13: 0 releases held/waiting, 1 releases active and accepts the other, 2 swaps, 1x releases call x. */
    private Answer hold(String mode) {
        switch (mode) {
            case "0" -> calls.removeIf(call -> call.state() == Call.HELD || call.state() == Call.WAITING);
            case "1" -> {
                calls.removeIf(call -> call.state() == Call.ACTIVE);
                activateOther();
            }
            case "2" -> {
                if (calls.isEmpty()) {
                    return cme(3);
                }
                calls.replaceAll(call -> call.state() == Call.ACTIVE ? call.withState(Call.HELD)
                        : call.state() == Call.HELD || call.state() == Call.WAITING ? call.withState(Call.ACTIVE) : call);
            }
            default -> {
                if (mode.length() == 2 && mode.charAt(0) == '1' && Character.isDigit(mode.charAt(1))) {
                    int id = mode.charAt(1) - '0';
                    if (!calls.removeIf(call -> call.id() == id)) {
                        return cme(3);
                    }
                } else {
                    return cme(3);
                }
            }
        }
        return ok();
    }

    private void activateOther() {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).state() == Call.WAITING || calls.get(i).state() == Call.HELD) {
                calls.set(i, calls.get(i).withState(Call.ACTIVE));
                return;
            }
        }
    }

    private Answer ussd(List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("1")) {
            return args.size() == 1 && args.get(0).equals("2") ? ok() : cme(3);
        }
        if (!registered) {
            return cme(30);
        }
        String code = args.get(1);
        String reply = Map.of("*100#", "Balance: 12.34 EUR", "*#06#", "356938035643809").getOrDefault(code,
                "Unknown service code");
        return new Answer("\r\nOK\r\n", false).then("+CUSD: 0,\"" + reply + "\",15");
    }

    private List<String> callList() {
        List<String> lines = new ArrayList<>();
        for (Call call : calls) {
            lines.add("+CLCC: " + call.id() + "," + (call.mobileTerminated() ? 1 : 0) + "," + call.state() + ",0,0,\""
                    + call.number() + "\"," + type(call.number()));
        }
        return lines;
    }

    private void registrationChanged() {
        if (cregMode > 0) {
            emit("+CREG: " + registrationStat());
        }
        if (ceregMode > 0) {
            emit("+CEREG: " + registrationStat());
        }
    }

    /** 27.007 7.2 stat: 1 home, 5 roaming, 2 searching (the network is lost). */
    private int registrationStat() {
        return !registered ? 2 : roaming ? 5 : 1;
    }

    /** Sends an unsolicited result to every session; call with the lock held. */
    private void emit(String line) {
        for (Consumer<String> session : sessions) {
            session.accept("\r\n" + line + "\r\n");
        }
    }

    private static boolean isEmergency(String number) {
        return List.of("112", "911", "110", "119", "120", "122").contains(number);
    }

    private static int type(String number) {
        return number.startsWith("+") ? 145 : 129;
    }

    /** The TPDU's length in octets: the PDU without its service-centre prefix. */
    static int tpduLength(String pdu) {
        int smscOctets = Integer.parseInt(pdu.substring(0, 2), 16);
        return pdu.length() / 2 - 1 - smscOctets;
    }

    private static int number(List<String> args, int index, int min, int max) {
        if (args.size() <= index || !args.get(index).matches("\\d{1,5}")) {
            return -1;
        }
        int value = Integer.parseInt(args.get(index));
        return value < min || value > max ? -1 : value;
    }

    /** Comma-separated arguments, quotes removed. */
    private static List<String> arguments(String text) {
        List<String> args = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"([^\"]*)\"|([^,]+)|(?<=,)(?=,|$)").matcher(text);
        while (matcher.find()) {
            String quoted = matcher.group(1);
            args.add(quoted != null ? quoted : matcher.group(2) != null ? matcher.group(2).trim() : "");
        }
        return args;
    }

    private static Answer ok(String... information) {
        return ok(List.of(information));
    }

    /** V.250 information text: CR LF, the lines separated by CR LF, CR LF; then the result code. */
    private static Answer ok(List<String> information) {
        String text = information.isEmpty() ? "" : "\r\n" + String.join("\r\n", information) + "\r\n";
        return new Answer(text + "\r\nOK\r\n", false);
    }

    private static Answer error() {
        return new Answer("\r\nERROR\r\n", false);
    }

    private static Answer cme(int code) {
        return new Answer("\r\n+CME ERROR: " + code + "\r\n", false);
    }

    private static Answer cms(int code) {
        return new Answer("\r\n+CMS ERROR: " + code + "\r\n", false);
    }

    /**
     * What the modem sends back for a command.
     *
     * @param text       the framed answer
     * @param prompting  whether a payload is expected now (the text is the prompt)
     * @param afterwards an unsolicited result the network sends once the answer is out, or null
     */
    record Answer(String text, boolean prompting, String afterwards) {

        Answer(String text, boolean prompting) {
            this(text, prompting, null);
        }

        static Answer prompt() {
            return new Answer("\r\n> ", true);
        }

        Answer then(String unsolicited) {
            return new Answer(text, prompting, "\r\n" + unsolicited + "\r\n");
        }
    }
}
