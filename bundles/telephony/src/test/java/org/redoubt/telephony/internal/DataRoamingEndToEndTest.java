package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.PacketData;
import org.redoubt.telephony.Registration;
import org.redoubt.telephony.TelephonyEvents;

/**
 * The policy's {@code dataRoaming} as telephony gets it (PID {@value TelephonyComponent#PID},
 * property {@code dataRoaming}), end to end over the real AT channel to the modem simulator, whose
 * {@code +CGATT} state is the proof. Most tests run without a watchdog (an hour apart), so that
 * what happens is the answer to the registration report or the new configuration itself.
 */
class DataRoamingEndToEndTest {

    private static final Duration NO_WATCHDOG = Duration.ofHours(1);

    private final ModemSimulator simulator = new ModemSimulator();
    private TelephonyRig rig;

    private void start(Map<String, Object> configuration, Duration watchdogPeriod) throws Exception {
        rig = new TelephonyRig(simulator, configuration, watchdogPeriod);
        rig.connect();
    }

    private void reconfigure(Map<String, Object> configuration) {
        rig.telephony.modified(Converters.standardConverter().convert(configuration).to(TelephonyComponent.Config.class));
    }

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private Event awaitNetwork(Registration registration, PacketData data) throws InterruptedException {
        return rig.await(TelephonyEvents.NETWORK, e -> registration.name().equals(e.getProperty(TelephonyEvents.REGISTRATION))
                && data.name().equals(e.getProperty(TelephonyEvents.DATA)));
    }

    private Event awaitRegistration(Registration registration) throws InterruptedException {
        return rig.await(TelephonyEvents.NETWORK, e -> registration.name().equals(e.getProperty(TelephonyEvents.REGISTRATION)));
    }

    /**
     * Waits until telephony's thread has done everything queued before: a command with no effect
     * here (hang up, with no call) takes its turn after them.
     */
    private void barrier() throws Exception {
        rig.telephony.hangUpAll();
    }

    private boolean blockedEverReported() {
        return rig.history.stream().anyMatch(e -> TelephonyEvents.NETWORK.equals(e.getTopic())
                && PacketData.ROAMING_BLOCKED.name().equals(e.getProperty(TelephonyEvents.DATA)));
    }

    @Test
    void roamingWithoutDataRoamingDetachesAndHomeAttachesAgain() throws Exception {
        start(Map.of("dataRoaming", false), NO_WATCHDOG);
        assertEquals(PacketData.ATTACHED, rig.telephony.status().data(), "asked at set-up");
        assertTrue(simulator.packetAttached(), "at home data stays");

        simulator.roaming(true);
        awaitNetwork(Registration.ROAMING, PacketData.ROAMING_BLOCKED);
        assertFalse(simulator.packetAttached(), "detached: AT+CGATT=0");
        assertFalse(rig.telephony.status().dataAttached());

        simulator.networkLoss();
        awaitRegistration(Registration.SEARCHING);
        simulator.networkBack();
        awaitRegistration(Registration.ROAMING);
        barrier();
        assertFalse(simulator.packetAttached(), "held detached through the loss: never data while roaming");
        assertEquals(PacketData.ROAMING_BLOCKED, rig.telephony.status().data());

        simulator.roaming(false);
        awaitNetwork(Registration.HOME, PacketData.ATTACHED);
        assertTrue(simulator.packetAttached(), "home again: AT+CGATT=1");
    }

    @Test
    void dataRoamingAllowedByDefaultStaysAttachedWhileRoaming() throws Exception {
        start(Map.of(), NO_WATCHDOG);
        simulator.roaming(true);
        awaitRegistration(Registration.ROAMING);
        barrier();
        assertTrue(simulator.packetAttached());
        assertEquals(PacketData.ATTACHED, rig.telephony.status().data());
        assertFalse(blockedEverReported());
    }

    @Test
    void explicitlyAllowedStaysAttachedWhileRoaming() throws Exception {
        start(Map.of("dataRoaming", true), NO_WATCHDOG);
        simulator.roaming(true);
        awaitRegistration(Registration.ROAMING);
        barrier();
        assertTrue(simulator.packetAttached());
        assertFalse(blockedEverReported());
    }

    @Test
    void aNewConfigurationWhileRoamingDetachesAndAttachesAtOnceAndTheCallGoesOn() throws Exception {
        start(Map.of(), NO_WATCHDOG);
        rig.telephony.enterPin(ModemSimulator.DEFAULT_PIN);
        simulator.roaming(true);
        awaitRegistration(Registration.ROAMING);
        rig.telephony.dial("+4930111");
        simulator.remoteAnswer();
        rig.await(TelephonyEvents.CALL, e -> CallState.ACTIVE.name().equals(e.getProperty(TelephonyEvents.CALL_STATE)));
        assertTrue(simulator.packetAttached());

        reconfigure(Map.of("dataRoaming", false));
        awaitNetwork(Registration.ROAMING, PacketData.ROAMING_BLOCKED);
        assertFalse(simulator.packetAttached(), "detached without a watchdog round or a new registration");
        assertEquals(CallState.ACTIVE, rig.telephony.calls().get(0).state(), "the call goes on");

        reconfigure(Map.of("dataRoaming", true));
        awaitNetwork(Registration.ROAMING, PacketData.ATTACHED);
        assertTrue(simulator.packetAttached(), "the policy allows it again: AT+CGATT=1");
        assertEquals(CallState.ACTIVE, rig.telephony.calls().get(0).state(), "the call goes on");

        assertFalse(rig.history.stream().anyMatch(e -> TelephonyEvents.CALL.equals(e.getTopic())
                && CallState.ENDED.name().equals(e.getProperty(TelephonyEvents.CALL_STATE))), "no call ended");
        assertEquals(1, rig.history.stream().filter(e -> TelephonyEvents.MODEM.equals(e.getTopic())).count(),
                "telephony was not restarted and the modem not set up again");
        rig.telephony.hangUpAll();
    }

    @Test
    void telephonyRestartedWhileRoamingKeepsTheDetachAndUndoesItAtHome() throws Exception {
        start(Map.of("dataRoaming", false), NO_WATCHDOG);
        simulator.roaming(true);
        awaitNetwork(Registration.ROAMING, PacketData.ROAMING_BLOCKED);
        rig.close();

        start(Map.of("dataRoaming", false), NO_WATCHDOG); // a new component; the modem stayed detached
        assertEquals(PacketData.ROAMING_BLOCKED, rig.telephony.status().data(), "found detached: telephony's own");
        simulator.roaming(false);
        awaitNetwork(Registration.HOME, PacketData.ATTACHED);
        assertTrue(simulator.packetAttached());
    }

    @Test
    void aModemThatResetsWhileRoamingIsDetachedAgain() throws Exception {
        start(Map.of("dataRoaming", false), Duration.ofMillis(200));
        simulator.roaming(true);
        awaitNetwork(Registration.ROAMING, PacketData.ROAMING_BLOCKED);

        simulator.reset(); // attached again (ModemSimulatorTest), +CREG reporting off
        rig.await(TelephonyEvents.MODEM, e -> Boolean.TRUE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
        assertFalse(simulator.packetAttached(), "the watchdog set the modem up again, and detached it");
        assertEquals(PacketData.ROAMING_BLOCKED, rig.telephony.status().data());
    }
}
