package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.internal.TestChannels;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatorServer;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallLog;
import org.redoubt.store.CallRecord;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.Registration;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/**
 * Telephony end to end: the component over the modem driver's real AT channel, over TCP, to the
 * modem simulator, which the tests script as the network.
 */
class TelephonyEndToEndTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private TelephonyRig rig;
    private ModemSimulator simulator;
    private SimulatorServer server;
    private AtChannel channel;
    private TelephonyComponent telephony;
    private BlockingQueue<Event> events;

    /** Records what would go to the call log. */
    private final CallLog callLog = new CallLog() {
        @Override
        public long log(String number, CallKind kind, Instant start, Duration duration) {
            logged.add(kind + " " + number);
            return logged.size();
        }

        @Override
        public List<CallRecord> list() {
            return List.of();
        }

        @Override
        public void delete(long id) {
            throw new UnsupportedOperationException();
        }
    };

    private void start(Map<String, Object> configuration) throws Exception {
        rig = new TelephonyRig(configuration);
        simulator = rig.simulator;
        server = rig.server;
        telephony = rig.telephony;
        events = rig.events;
        telephony.bindCallLog(callLog);
        rig.connect();
        channel = rig.channel;
    }

    @BeforeEach
    void defaults() throws Exception {
        start(Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        rig.channel = channel;
        rig.close();
    }

    private Event await(String topic, Predicate<Event> wanted) throws InterruptedException {
        return rig.await(topic, wanted);
    }

    private Event awaitCall(String number, CallState state) throws InterruptedException {
        return await(TelephonyEvents.CALL, e -> number.equals(e.getProperty(TelephonyEvents.NUMBER))
                && state.name().equals(e.getProperty(TelephonyEvents.CALL_STATE)));
    }

    private static Reason reason(TelephonyRig.Operation operation) {
        return TelephonyRig.reason(operation);
    }

    @Test
    void theModemIsSetUpAndTheSimPinFlowsWork() throws Exception {
        assertEquals(SimState.PIN_REQUIRED, telephony.state());
        assertEquals(Registration.HOME, telephony.status().registration());
        assertEquals("Redoubt Net", telephony.status().operator());
        assertEquals(4, telephony.status().bars());

        assertEquals(Reason.WRONG_PIN, reason(() -> telephony.enterPin("0000")));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> telephony.enterPin("12")));
        telephony.enterPin(ModemSimulator.DEFAULT_PIN);
        await(TelephonyEvents.SIM, e -> "READY".equals(e.getProperty(TelephonyEvents.SIM_STATE)));
        telephony.changePin("1234", "4321");
        assertEquals(Reason.WRONG_PIN, reason(() -> telephony.changePin("1234", "5555")));
        telephony.requirePin(true, "4321");

        simulator.reset(); // the modem power-cycles: the SIM asks again, and telephony notices by itself
        await(TelephonyEvents.SIM, e -> "PIN_REQUIRED".equals(e.getProperty(TelephonyEvents.SIM_STATE)));
        assertEquals(Reason.WRONG_PIN, reason(() -> telephony.enterPin("1111")));
        assertEquals(Reason.WRONG_PIN, reason(() -> telephony.enterPin("2222")));
        assertEquals(Reason.SIM_LOCKED, reason(() -> telephony.enterPin("3333")), "the third wrong PIN blocks");
        assertEquals(SimState.PUK_REQUIRED, telephony.state());
        assertEquals(Reason.WRONG_PUK, reason(() -> telephony.unblock("00000000", "2468")));
        telephony.unblock(ModemSimulator.DEFAULT_PUK, "2468");
        assertEquals(SimState.READY, telephony.state());
    }

    @Test
    void callsGoThroughEveryStateAndEndInTheCallLog() throws Exception {
        telephony.enterPin("1234");
        Call outgoing = telephony.dial("+4930111");
        assertEquals(CallState.ALERTING, outgoing.state());
        awaitCall("+4930111", CallState.ALERTING);
        simulator.remoteAnswer();
        awaitCall("+4930111", CallState.ACTIVE);
        telephony.mute(true);
        assertTrue(telephony.muted());
        assertTrue(simulator.muted(), "the modem got AT+CMUT=1");
        telephony.mute(false);
        assertFalse(simulator.muted());

        simulator.incomingCall("+4930222");
        awaitCall("+4930222", CallState.WAITING);
        telephony.holdAndSwap();
        awaitCall("+4930111", CallState.HELD);
        awaitCall("+4930222", CallState.ACTIVE);
        telephony.endActiveAndAccept();
        awaitCall("+4930222", CallState.ENDED);
        awaitCall("+4930111", CallState.ACTIVE);
        simulator.remoteHangUp();
        awaitCall("+4930111", CallState.ENDED);
        assertTrue(telephony.calls().isEmpty());

        simulator.incomingCall("+4930333");
        awaitCall("+4930333", CallState.INCOMING);
        telephony.answer();
        awaitCall("+4930333", CallState.ACTIVE);
        telephony.hangUp(telephony.calls().get(0).id());
        awaitCall("+4930333", CallState.ENDED);

        simulator.incomingCall("+4930444");
        awaitCall("+4930444", CallState.INCOMING);
        telephony.reject();
        awaitCall("+4930444", CallState.ENDED);
        simulator.incomingCall("+4930555");
        awaitCall("+4930555", CallState.INCOMING);
        simulator.remoteHangUp();
        awaitCall("+4930555", CallState.ENDED);

        telephony.dial("0301234");
        simulator.remoteBusy();
        awaitCall("0301234", CallState.ENDED);
        assertEquals(Reason.NO_SUCH_CALL, reason(() -> telephony.answer()));
        assertEquals(Reason.NO_SUCH_CALL, reason(() -> telephony.mute(true)), "nothing to mute without a call");
        assertEquals(List.of("OUTGOING +4930111", "INCOMING +4930222", "INCOMING +4930333", "MISSED +4930444",
                "MISSED +4930555", "OUTGOING 0301234"), sorted(logged));
    }

    private static List<String> sorted(List<String> entries) {
        // +4930222 ended before +4930111: compare as a set in a stable order
        return entries.stream().sorted((a, b) -> number(a).compareTo(number(b))).toList().stream()
                .sorted((a, b) -> order(a) - order(b)).toList();
    }

    private static String number(String entry) {
        return entry.substring(entry.indexOf(' ') + 1);
    }

    private static int order(String entry) {
        return List.of("+4930111", "+4930222", "+4930333", "+4930444", "+4930555", "0301234").indexOf(number(entry));
    }

    @Test
    void emergencyNumbersAlwaysGoOutAndRestrictionsHoldTheRest() throws Exception {
        stop();
        start(Map.of("outgoingCallsAllow", new String[] {"+49170*"}, "outgoingCallsDeny", new String[] {"+4917066*"},
                "incomingCallsDeny", new String[] {"+4930*"}));
        assertEquals(Reason.SIM_LOCKED, reason(() -> telephony.dial("+491701234")), "no SIM PIN yet");
        assertTrue(telephony.isEmergency("112"));
        assertFalse(telephony.isEmergency("+491701234"));
        Call emergency = telephony.dial("112");
        assertTrue(emergency.emergency(), "112 goes out without the SIM PIN and outside the allow-list");
        telephony.hangUpAll();
        awaitCall("112", CallState.ENDED);

        telephony.enterPin("1234");
        assertEquals(Reason.RESTRICTED, reason(() -> telephony.dial("+4930111")), "not on the allow-list");
        assertEquals(Reason.RESTRICTED, reason(() -> telephony.dial("+491706612")), "the deny-list wins");
        assertEquals(CallState.ALERTING, telephony.dial("+491701234").state());
        telephony.hangUpAll();

        simulator.incomingCall("+4930999");
        awaitCall("+4930999", CallState.INCOMING);
        awaitCall("+4930999", CallState.ENDED);
        assertTrue(logged.contains("MISSED +4930999"), "a rejected restricted call is logged as missed: " + logged);
    }

    @Test
    void ussdNetworkTimeAndNetworkLoss() throws Exception {
        telephony.enterPin("1234");
        assertEquals("Balance: 12.34 EUR", telephony.request("*100#"));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> telephony.request("balance")));

        simulator.networkTime("+32");
        Event time = await(TelephonyEvents.TIME, e -> true);
        assertEquals(8 * 3600, time.getProperty(TelephonyEvents.OFFSET_SECONDS));
        assertEquals(8 * 3600, telephony.latest().orElseThrow().offset().getTotalSeconds());

        simulator.networkLoss();
        await(TelephonyEvents.NETWORK, e -> "SEARCHING".equals(e.getProperty(TelephonyEvents.REGISTRATION)));
        assertEquals(Reason.NO_NETWORK, reason(() -> telephony.dial("+4930111")));
        assertEquals(Reason.REFUSED, reason(() -> telephony.request("*100#")));
        simulator.networkBack();
        await(TelephonyEvents.NETWORK, e -> "HOME".equals(e.getProperty(TelephonyEvents.REGISTRATION)));
        simulator.signal(3);
        await(TelephonyEvents.NETWORK, e -> Integer.valueOf(3).equals(e.getProperty(TelephonyEvents.RSSI)));
        assertEquals(1, telephony.status().bars());
    }

    @Test
    void telephonySurvivesTheModemDriverRestartingAndTheModemResetting() throws Exception {
        telephony.enterPin("1234");
        telephony.dial("+4930111");
        awaitCall("+4930111", CallState.ALERTING);

        telephony.unbindModem(channel); // the driver is restarted: its channel goes
        TestChannels.close(channel);
        awaitCall("+4930111", CallState.ENDED);
        await(TelephonyEvents.MODEM, e -> Boolean.FALSE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
        assertEquals(Registration.UNKNOWN, telephony.status().registration());
        assertEquals(Reason.NO_MODEM, reason(() -> telephony.dial("+4930111")));

        channel = TestChannels.tcp(server.port()); // and comes back
        telephony.bindModem(channel);
        await(TelephonyEvents.MODEM, e -> Boolean.TRUE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
        assertEquals(Registration.HOME, telephony.status().registration(), "registered again by itself");
        assertEquals(SimState.READY, telephony.state());

        simulator.reset();
        await(TelephonyEvents.SIM, e -> "PIN_REQUIRED".equals(e.getProperty(TelephonyEvents.SIM_STATE)));
        await(TelephonyEvents.MODEM, e -> Boolean.TRUE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
        telephony.enterPin("1234");
        simulator.incomingCall("+4930777");
        Event ringing = awaitCall("+4930777", CallState.INCOMING);
        assertFalse((Boolean) ringing.getProperty(TelephonyEvents.EMERGENCY));
        assertEquals(1, telephony.calls().size(), "caller id and call list work after the reset");
        Map<String, Object> seen = new HashMap<>();
        for (Event event : events) {
            seen.put(event.getTopic(), event);
        }
    }
}
