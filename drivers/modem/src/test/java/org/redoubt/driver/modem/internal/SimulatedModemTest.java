package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.driver.modem.UnsolicitedResult;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatorServer;

/** The channel against the modem simulator over a real TCP socket: the pair the emulator runs. */
class SimulatedModemTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String DELIVER = "07911326040000F0040B911346610089F60000208062917314080AE8329BFD4697D9EC37";

    private ModemSimulator simulator;
    private SimulatorServer server;
    private StreamAtChannel channel;
    private final BlockingQueue<UnsolicitedResult> unsolicited = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        simulator = new ModemSimulator();
        server = new SimulatorServer(simulator, 0);
        channel = new StreamAtChannel(StreamTransport.tcp("127.0.0.1", server.port(), TIMEOUT), line -> { });
        channel.addUnsolicitedListener(unsolicited::add);
    }

    @AfterEach
    void disconnect() throws Exception {
        channel.close();
        server.close();
    }

    @Test
    void aSessionFromPinToSmsAndCalls() throws Exception {
        assertTrue(channel.send("ATE0", TIMEOUT).isOk(), "the simulator echoes until ATE0, as a modem does");
        assertEquals(List.of("+CPIN: SIM PIN"), channel.send("AT+CPIN?", TIMEOUT).information());
        AtResponse wrong = channel.send("AT+CPIN=\"0000\"", TIMEOUT);
        assertEquals(FinalResult.Kind.CME_ERROR, wrong.result().kind());
        assertTrue(channel.send("AT+CPIN=\"1234\"", TIMEOUT).isOk());
        assertEquals(List.of("+CSQ: 20,99"), channel.send("AT+CSQ", TIMEOUT).information());

        AtResponse sent = channel.sendWithPayload("AT+CMGS=23", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37",
                TIMEOUT);
        assertEquals(List.of("+CMGS: 1"), sent.information());

        channel.send("AT+CNMI=2,2,0,0,0", TIMEOUT);
        channel.send("AT+CLIP=1", TIMEOUT);
        simulator.deliverSms(DELIVER);
        UnsolicitedResult sms = take();
        assertEquals("+CMT: ,28", sms.line());
        assertEquals(Optional.of(DELIVER), sms.payload());

        simulator.incomingCall("+4930123456");
        assertEquals("RING", take().line());
        assertEquals("+CLIP: \"+4930123456\",145", take().line());
        assertEquals(List.of("+CLCC: 1,1,4,0,0,\"+4930123456\",145"), channel.send("AT+CLCC", TIMEOUT).information());
        assertTrue(channel.send("ATA", TIMEOUT).isOk());
        simulator.remoteHangUp();
        assertEquals("NO CARRIER", take().line());
    }

    private UnsolicitedResult take() throws InterruptedException {
        UnsolicitedResult next = unsolicited.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no unsolicited result");
        }
        return next;
    }
}
