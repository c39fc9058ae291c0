package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.redoubt.driver.modem.UnsolicitedResult;
import org.redoubt.telephony.NetworkStatus;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.TelephonyException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Result lines from the modem into telephony's parsers (+CREG, +CPIN, +CUSD, +CTZV, +CLCC, the SMS
 * indications +CMTI, +CDS and +CMT with their PDU, and the parameter splitter): whatever a line holds, parsing never throws anything but a
 * {@link TelephonyException}, and what it yields is in range.
 *
 * <p>The normal build runs the committed inputs in {@code UrcFuzzTestInputs/lines}; {@code -Pfuzz}
 * fuzzes.
 */
class UrcFuzzTest {

    private static final List<String> PREFIXES = List.of("+CREG: ", "+CPIN: ", "+CUSD: ", "+CTZV: ", "+CLCC: ", "+CMTI: ",
            "+CDS: ", "+CMT: ", "");

    @FuzzTest(maxDuration = "5m")
    void lines(byte[] input) {
        String body = new String(input, StandardCharsets.US_ASCII);
        TelephonyEventSink events = (topic, properties) -> assertTrue(properties.values().stream()
                .allMatch(java.util.Objects::nonNull));
        ModemPort noModem = new ModemPort();
        NetworkMonitor network = new NetworkMonitor(noModem, events);
        SimControl sim = new SimControl(noModem, events);
        UssdClient ussd = new UssdClient(noModem, events);
        NitzClock time = new NitzClock(events, Clock.systemUTC());
        CallManager calls = new CallManager(noModem, events, new Restrictions(Set.of("112"), Map.of()), () -> SimState.READY,
                () -> NetworkStatus.UNKNOWN, (call, connected, start, duration) -> { }, Clock.systemUTC());
        SmsInbox inbox = new SmsInbox(noModem, events, new Restrictions(Set.of("112"), Map.of()), () -> null,
                Clock.systemUTC(), TelephonyRig.LOGGER, Duration.ofMinutes(1));
        for (String prefix : PREFIXES) {
            String line = prefix + body;
            AtReplies.parameters(line, prefix.strip());
            try {
                network.onRegistrationReport(line);
            } catch (TelephonyException expected) {
                // asking for the operator needs a modem: fine
            }
            sim.onReport(line);
            ussd.onReport(line);
            time.onReport(line);
            time.latest().ifPresent(report -> assertTrue(Math.abs(report.offset().getTotalSeconds()) <= 14 * 3600));
            calls.parse(line).ifPresent(call -> assertTrue(call.id() >= 1));
            try {
                inbox.handle(new UnsolicitedResult(line, Optional.of(body))); // the body as the PDU line too
            } catch (TelephonyException expected) {
                // reading a stored message needs a modem: fine
            }
        }
    }
}
