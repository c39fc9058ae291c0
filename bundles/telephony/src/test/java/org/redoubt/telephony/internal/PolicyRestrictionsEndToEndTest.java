package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.util.converter.Converters;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallLog;
import org.redoubt.store.CallRecord;
import org.redoubt.store.internal.TestStores;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException.Reason;

/**
 * The policy's call and SMS fields as telephony gets them (PID {@value TelephonyComponent#PID}: the
 * {@code *Mode} properties and {@code emergencyOnly}), end to end over the real AT channel to the
 * modem simulator, and a new configuration taken during a call without ending it.
 */
class PolicyRestrictionsEndToEndTest {

    @TempDir
    Path data;
    private TelephonyRig rig;
    private TestStores stores;
    private final List<String> logged = new CopyOnWriteArrayList<>();

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
        stores = new TestStores(data);
        stores.lock().setPin("2468".toCharArray());
        rig.telephony.bindMessageStore(stores.messages());
        rig.telephony.bindCallLog(callLog);
        rig.connect();
        rig.telephony.enterPin("1234");
        rig.await(TelephonyEvents.SIM, e -> "READY".equals(e.getProperty(TelephonyEvents.SIM_STATE)));
    }

    private void reconfigure(Map<String, Object> configuration) {
        rig.telephony.modified(Converters.standardConverter().convert(configuration).to(TelephonyComponent.Config.class));
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
        stores.close();
    }

    private Event awaitCall(String number, CallState state) throws InterruptedException {
        return rig.await(TelephonyEvents.CALL, e -> number.equals(e.getProperty(TelephonyEvents.NUMBER))
                && state.name().equals(e.getProperty(TelephonyEvents.CALL_STATE)));
    }

    private void dialAndHangUp(String number) throws Exception {
        assertEquals(CallState.ALERTING, rig.telephony.dial(number).state(), number);
        rig.telephony.hangUpAll();
        awaitCall(number, CallState.ENDED);
    }

    @Test
    void eachModeOfOutgoingCallsAndEmergencyNumbersWhateverTheMode() throws Exception {
        Map<String, Object> configuration = new HashMap<>(Map.of("outgoingCallsMode", "ALLOWLIST"));
        start(configuration);
        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.dial("+4930111")),
                "an empty allow-list passes nothing");
        dialAndHangUp("112");

        configuration.putAll(Map.of("outgoingCallsMode", "DENYLIST", "outgoingCallsAllow", new String[] {"+4930111"},
                "outgoingCallsDeny", new String[] {"+4930*", "112"}));
        reconfigure(configuration);
        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.dial("+4930111")),
                "DENYLIST does not read the allow-list");
        dialAndHangUp("+4940222");
        dialAndHangUp("112"); // even on the deny-list

        configuration.put("outgoingCallsMode", "ALLOW_ALL");
        reconfigure(configuration);
        dialAndHangUp("+4930111");
        assertTrue(rig.simulator.submitted().isEmpty());
    }

    @Test
    void incomingModesScreenCallsAndMessages() throws Exception {
        start(Map.of("incomingCallsMode", "ALLOWLIST", "incomingCallsAllow", new String[] {"+49170*"},
                "incomingSmsMode", "DENYLIST", "incomingSmsDeny", new String[] {"+4930666*"},
                "incomingSmsAllow", new String[] {"+49170*"}));
        rig.simulator.incomingCall("+4930999");
        awaitCall("+4930999", CallState.ENDED);
        assertTrue(logged.contains("MISSED +4930999"), "rejected at once, logged as missed: " + logged);
        rig.simulator.incomingCall("+491701234");
        awaitCall("+491701234", CallState.INCOMING);
        rig.telephony.answer();
        awaitCall("+491701234", CallState.ACTIVE);
        rig.telephony.hangUpAll();
        awaitCall("+491701234", CallState.ENDED);

        rig.simulator.smsFrom("+4930666111", "from a denied sender");
        rig.simulator.smsFrom("+4940555", "not on the allow-list, which DENYLIST does not read");
        rig.awaitNth(1, TelephonyEvents.SMS_RECEIVED, e -> "+4940555".equals(e.getProperty(TelephonyEvents.NUMBER)));
        assertTrue(stores.messages().thread("+4930666111").isEmpty());
    }

    @Test
    void emergencyOnlyLeavesEmergencyCallsAndWhatComesIn() throws Exception {
        start(Map.of("emergencyOnly", true, "outgoingCallsMode", "ALLOW_ALL", "outgoingSmsMode", "ALLOW_ALL"));
        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.dial("+4930111")));
        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.send("+4930111", "hi", false)));
        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.send("112", "help", false)),
                "no SMS at all");
        assertTrue(rig.simulator.submitted().isEmpty());
        dialAndHangUp("112");

        rig.simulator.incomingCall("+4930333");
        awaitCall("+4930333", CallState.INCOMING);
        rig.telephony.answer();
        awaitCall("+4930333", CallState.ACTIVE);
        rig.telephony.hangUpAll();
        awaitCall("+4930333", CallState.ENDED);
        rig.simulator.smsFrom("+4930444", "still arrives");
        rig.awaitNth(1, TelephonyEvents.SMS_RECEIVED, e -> "+4930444".equals(e.getProperty(TelephonyEvents.NUMBER)));
    }

    @Test
    void aNewConfigurationDuringACallLeavesTheCallUp() throws Exception {
        start(Map.of());
        rig.telephony.dial("+4930111");
        awaitCall("+4930111", CallState.ALERTING);
        rig.simulator.remoteAnswer();
        awaitCall("+4930111", CallState.ACTIVE);

        reconfigure(Map.of("emergencyOnly", true));
        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.send("+4930111", "hi", false)));
        assertEquals(CallState.ACTIVE, rig.telephony.calls().get(0).state(), "the call goes on");
        assertFalse(rig.history.stream().anyMatch(e -> TelephonyEvents.CALL.equals(e.getTopic())
                && "ENDED".equals(e.getProperty(TelephonyEvents.CALL_STATE))));
        rig.telephony.hangUpAll();
        awaitCall("+4930111", CallState.ENDED);

        reconfigure(Map.of());
        dialAndHangUp("+4930111");
        assertEquals(1, rig.telephony.send("+4930111", "back to normal", false).size());
    }
}
