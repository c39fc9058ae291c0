package org.redoubt.telephony.internal;

import java.util.List;
import java.util.Map;

import org.redoubt.telephony.NetworkStatus;
import org.redoubt.telephony.PacketData;
import org.redoubt.telephony.Registration;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;

/**
 * Registration (+CREG, asked and reported), operator (+COPS) and signal (+CSQ, asked: modems do not
 * report it), and the packet-domain state the {@link DataRoamingGuard} finds. Runs on the telephony
 * thread; {@link #status()} may be read from any thread.
 */
final class NetworkMonitor {

    private final ModemPort modem;
    private final TelephonyEventSink events;
    private volatile NetworkStatus status = NetworkStatus.UNKNOWN;

    NetworkMonitor(ModemPort modem, TelephonyEventSink events) {
        this.modem = modem;
        this.events = events;
    }

    NetworkStatus status() {
        return status;
    }

    /**
     * Asks the modem for everything.
     *
     * @return the +CREG mode the modem reports (2 unless it lost its settings), or -1
     */
    int refresh() throws TelephonyException {
        int mode = -1;
        Registration registration = Registration.UNKNOWN;
        for (String line : modem.require("AT+CREG?").information()) {
            List<String> values = AtReplies.parameters(line, "+CREG:");
            if (values.size() >= 2) {
                mode = AtReplies.integer(values.get(0));
                registration = registration(AtReplies.integer(values.get(1)));
            }
        }
        update(registration, operator(registration), signal());
        return mode;
    }

    /** Asks only for the signal (it changes without a report). */
    void refreshSignal() throws TelephonyException {
        NetworkStatus current = status;
        update(current.registration(), current.operator(), signal());
    }

    /** A +CREG report: {@code +CREG: <stat>[,<lac>,<ci>]}. */
    void onRegistrationReport(String line) throws TelephonyException {
        List<String> values = AtReplies.parameters(line, "+CREG:");
        if (values.isEmpty()) {
            return;
        }
        Registration registration = registration(AtReplies.integer(values.get(0)));
        update(registration, operator(registration), status.rssi());
    }

    /** @param data what the packet-domain service is now */
    void onPacketData(PacketData data) {
        publish(status.withData(data));
    }

    /** The modem went away. */
    void reset() {
        publish(NetworkStatus.UNKNOWN);
    }

    private String operator(Registration registration) throws TelephonyException {
        if (registration != Registration.HOME && registration != Registration.ROAMING) {
            return "";
        }
        for (String line : modem.require("AT+COPS?").information()) {
            List<String> values = AtReplies.parameters(line, "+COPS:");
            if (values.size() >= 3) {
                return values.get(2);
            }
        }
        return "";
    }

    private int signal() throws TelephonyException {
        for (String line : modem.require("AT+CSQ").information()) {
            List<String> values = AtReplies.parameters(line, "+CSQ:");
            if (!values.isEmpty()) {
                int rssi = AtReplies.integer(values.get(0));
                return rssi >= 0 && rssi <= 31 ? rssi : -1; // 99: not known
            }
        }
        return -1;
    }

    private void update(Registration registration, String operator, int rssi) {
        publish(new NetworkStatus(registration, operator, rssi, status.data()));
    }

    private void publish(NetworkStatus next) {
        if (!next.equals(status)) {
            status = next;
            events.post(TelephonyEvents.NETWORK, Map.of(TelephonyEvents.REGISTRATION, next.registration().name(),
                    TelephonyEvents.OPERATOR, next.operator(), TelephonyEvents.RSSI, next.rssi(),
                    TelephonyEvents.DATA, next.data().name()));
        }
    }

    /** 27.007 7.2 stat: 0 not registered, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming. */
    private static Registration registration(int stat) {
        return switch (stat) {
            case 0 -> Registration.NOT_REGISTERED;
            case 1 -> Registration.HOME;
            case 2 -> Registration.SEARCHING;
            case 3 -> Registration.DENIED;
            case 5 -> Registration.ROAMING;
            default -> Registration.UNKNOWN;
        };
    }
}
