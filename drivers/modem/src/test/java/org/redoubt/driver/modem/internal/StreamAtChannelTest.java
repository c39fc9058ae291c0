package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.modem.AtException.Reason;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.driver.modem.UnsolicitedResult;

/** The channel over a real TCP connection to a scripted modem. */
class StreamAtChannelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ScriptedModem modem;
    private StreamAtChannel channel;
    private final BlockingQueue<UnsolicitedResult> unsolicited = new LinkedBlockingQueue<>();
    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        modem = new ScriptedModem();
        channel = new StreamAtChannel(StreamTransport.tcp("127.0.0.1", modem.port(), TIMEOUT), diagnostics::add);
        channel.addUnsolicitedListener(unsolicited::add);
    }

    @AfterEach
    void disconnect() throws Exception {
        channel.close();
        modem.close();
    }

    @Test
    void aCommandGetsItsInformationAndFinalResult() throws Exception {
        modem.reply("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        AtResponse response = channel.send("AT+CSQ", TIMEOUT);
        assertTrue(response.isOk());
        assertEquals(List.of("+CSQ: 20,99"), response.information());
        assertEquals("AT+CSQ", modem.nextReceived());
    }

    @Test
    void errorResultsAreAnswersWithTheirCode() throws Exception {
        modem.reply("AT+CPIN=1234", "\r\n+CME ERROR: 16\r\n");
        AtResponse response = channel.send("AT+CPIN=1234", TIMEOUT);
        assertEquals(FinalResult.Kind.CME_ERROR, response.result().kind());
        assertEquals(OptionalInt.of(16), response.result().code());
        modem.reply("AT+CMGD=9", "\r\n+CMS ERROR: 321\r\n");
        assertEquals(OptionalInt.of(321), channel.send("AT+CMGD=9", TIMEOUT).result().code());
        modem.reply("ATD+4930123;", "\r\nBUSY\r\n");
        assertEquals(FinalResult.Kind.BUSY, channel.send("ATD+4930123;", TIMEOUT).result().kind());
    }

    @Test
    void unsolicitedResultsNeverMixIntoAnAnswer() throws Exception {
        modem.reply("AT+COPS?", "\r\nRING\r\n\r\n+CLIP: \"+4930123\",145\r\n\r\n+COPS: 0,0,\"Redoubt Net\",7\r\n"
                + "\r\n+CMTI: \"SM\",3\r\n\r\nOK\r\n");
        AtResponse response = channel.send("AT+COPS?", TIMEOUT);
        assertEquals(List.of("+COPS: 0,0,\"Redoubt Net\",7"), response.information());
        assertEquals("RING", take().line());
        assertEquals("+CLIP", take().name());
        assertEquals("+CMTI: \"SM\",3", take().line());
    }

    @Test
    void whatFollowsTheFinalResultIsNeverPartOfTheAnswer() throws Exception {
        // USSD: OK at once, the network's answer right behind it, in the same segment: it must
        // reach the listeners even when it is read before the sending thread wakes up.
        for (int i = 0; i < 50; i++) {
            modem.reply("AT+CUSD=1,\"*100#\",15", "\r\nOK\r\n\r\n+CUSD: 0,\"Balance " + i + "\",15\r\n");
            AtResponse response = channel.send("AT+CUSD=1,\"*100#\",15", TIMEOUT);
            assertEquals(List.of(), response.information(), "round " + i);
            assertEquals("+CUSD: 0,\"Balance " + i + "\",15", take().line(), "round " + i);
        }
    }

    @Test
    void aResultThatIsBothAnswerAndUnsolicitedIsTakenByItsCommand() throws Exception {
        modem.reply("AT+CREG?", "\r\n+CREG: 2,1,\"00C3\",\"0000B2\"\r\n\r\nOK\r\n");
        assertEquals(List.of("+CREG: 2,1,\"00C3\",\"0000B2\""), channel.send("AT+CREG?", TIMEOUT).information());
        modem.push("\r\n+CREG: 5\r\n");
        assertEquals("+CREG: 5", take().line(), "without a command it is a registration change");
        modem.push("\r\nNO CARRIER\r\n");
        assertEquals("NO CARRIER", take().line(), "without a command NO CARRIER is the call ending");
    }

    @Test
    void aCallEndingWhileAnotherCommandWaitsIsNotThatCommandsAnswer() throws Exception {
        // The call ends between AT+CLCC going out and the modem answering it.
        modem.reply("AT+CLCC", "\r\nNO CARRIER\r\n\r\n+CLCC: 2,0,3,0,0,\"0301234\",129\r\n\r\nOK\r\n");
        AtResponse listed = channel.send("AT+CLCC", TIMEOUT);
        assertEquals(FinalResult.Kind.OK, listed.result().kind());
        assertEquals(List.of("+CLCC: 2,0,3,0,0,\"0301234\",129"), listed.information());
        assertEquals("NO CARRIER", take().line());
        modem.reply("AT+CSQ", "\r\n+CSQ: 9,99\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 9,99"), channel.send("AT+CSQ", TIMEOUT).information(),
                "the next command gets its own answer");
        modem.reply("ATA", "\r\nNO CARRIER\r\n");
        assertEquals(FinalResult.Kind.NO_CARRIER, channel.send("ATA", TIMEOUT).result().kind(),
                "for a call command it is the answer");
    }

    @Test
    void anSmsDeliveryCarriesItsPduLine() throws Exception {
        modem.push("\r\n+CMT: ,24\r\n07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07\r\n");
        UnsolicitedResult delivery = take();
        assertEquals("+CMT", delivery.name());
        assertEquals(Optional.of("07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07"),
                delivery.payload());
    }

    @Test
    void aPayloadIsSentAfterThePrompt() throws Exception {
        modem.reply("AT+CMGS=18", "\r\n> ").reply("0011000B916407281553F80000AA0AE8329BFD4697D9EC37",
                "\r\n+CMGS: 7\r\n\r\nOK\r\n");
        AtResponse response = channel.sendWithPayload("AT+CMGS=18", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37",
                TIMEOUT);
        assertEquals(List.of("+CMGS: 7"), response.information());
        assertEquals("AT+CMGS=18", modem.nextReceived());
        assertEquals("0011000B916407281553F80000AA0AE8329BFD4697D9EC37", modem.nextReceived());

        modem.reply("AT+CMGS=99", "\r\n+CMS ERROR: 304\r\n");
        AtException refused = assertThrows(AtException.class,
                () -> channel.sendWithPayload("AT+CMGS=99", "00", TIMEOUT));
        assertEquals(Reason.NO_PROMPT, refused.reason());
        assertTrue(refused.getMessage().contains("+CMS ERROR: 304"), refused.getMessage());
    }

    @Test
    void aSilentModemTimesOutAndTheChannelResynchronizesAfterwards() throws Exception {
        modem.reply("AT+COPS=0", "").reply("AT", "\r\nOK\r\n").reply("AT+CSQ", "\r\n+CSQ: 9,99\r\n\r\nOK\r\n");
        AtException timeout = assertThrows(AtException.class, () -> channel.send("AT+COPS=0", Duration.ofMillis(300)));
        assertEquals(Reason.TIMEOUT, timeout.reason());
        modem.push("\r\nOK\r\n"); // the late answer to AT+COPS=0

        assertEquals(List.of("+CSQ: 9,99"), channel.send("AT+CSQ", TIMEOUT).information());
        assertEquals("AT+COPS=0", modem.nextReceived());
        assertEquals("AT", modem.nextReceived(), "the next command first probed the modem");
    }

    @Test
    void aLateAnswerArrivingJustAfterTheProbeIsNotTakenForTheNextCommandsAnswer() throws Exception {
        // the late OK of AT+COPS=0 and the probe's own OK arrive together, after the probe went out
        modem.reply("AT+COPS=0", "").reply("AT", "\r\nOK\r\n\r\nOK\r\n").reply("AT+CSQ", "\r\n+CSQ: 9,99\r\n\r\nOK\r\n");
        assertThrows(AtException.class, () -> channel.send("AT+COPS=0", Duration.ofMillis(300)));

        assertEquals(List.of("+CSQ: 9,99"), channel.send("AT+CSQ", TIMEOUT).information());
        assertTrue(diagnostics.stream().anyMatch(line -> line.startsWith("dropped a late")), diagnostics.toString());
    }

    @Test
    void aModemThatStaysSilentFailsFastAfterItsProbes() throws Exception {
        modem.reply("AT+CFUN=1", "").reply("AT", "");
        assertEquals(Reason.TIMEOUT, assertThrows(AtException.class,
                () -> channel.send("AT+CFUN=1", Duration.ofMillis(200))).reason());
        AtException gaveUp = assertThrows(AtException.class, () -> channel.send("AT+CSQ", TIMEOUT));
        assertEquals(Reason.TIMEOUT, gaveUp.reason());
        assertTrue(gaveUp.getMessage().contains("does not answer AT"), gaveUp.getMessage());
    }

    @Test
    void garbageAndOverlongLinesAreDroppedAndTheChannelGoesOn() throws Exception {
        modem.push("\r\n\u0000\u00ff\u0013junk\r\n" + "X".repeat(5000) + "\r\n");
        modem.reply("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 20,99"), channel.send("AT+CSQ", TIMEOUT).information());
        assertTrue(diagnostics.stream().anyMatch(line -> line.contains("outside printable ASCII")), diagnostics.toString());
        assertTrue(diagnostics.stream().anyMatch(line -> line.contains("longer than")), diagnostics.toString());
        assertEquals(0, unsolicited.size(), "dropped lines reach no listener");
    }

    @Test
    void anEchoingModemIsUnderstood() throws Exception {
        modem.reply("AT+CGSN", "AT+CGSN\r\r\n356938035643809\r\n\r\nOK\r\n");
        assertEquals(List.of("356938035643809"), channel.send("AT+CGSN", TIMEOUT).information());
    }

    @Test
    void aDroppedConnectionFailsTheWaitingCommandAndEveryLaterOne() throws Exception {
        modem.reply("AT+CSQ", "");
        Thread hangUp = new Thread(() -> {
            try {
                modem.nextReceived();
                modem.hangUp();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        hangUp.start();
        assertEquals(Reason.CLOSED, assertThrows(AtException.class, () -> channel.send("AT+CSQ", TIMEOUT)).reason());
        hangUp.join();
        assertEquals(Reason.CLOSED, assertThrows(AtException.class, () -> channel.send("AT", TIMEOUT)).reason());
    }

    @Test
    void commandsOutsidePrintableAsciiOrTooLongAreRefusedBeforeSending() {
        for (String bad : new String[] {"", "AT\r+CFUN=0", "AT+CMGS=\u001a", "AT".repeat(600), "ATD\u00e9"}) {
            assertEquals(Reason.INVALID_COMMAND,
                    assertThrows(AtException.class, () -> channel.send(bad, TIMEOUT)).reason(), bad);
        }
    }

    private UnsolicitedResult take() throws InterruptedException {
        UnsolicitedResult next = unsolicited.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no unsolicited result; diagnostics: " + diagnostics);
        }
        return next;
    }
}
