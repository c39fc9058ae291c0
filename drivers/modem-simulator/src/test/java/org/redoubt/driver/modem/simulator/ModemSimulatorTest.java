package org.redoubt.driver.modem.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator driven by a raw AT session over a real TCP socket, as any AT client would. */
class ModemSimulatorTest {

    /** SMS-DELIVER from +31641600986, "hellohello" (GSM 7-bit), with SMSC +31624000000. */
    private static final String DELIVER = "07911326040000F0040B911346610089F60000208062917314080AE8329BFD4697D9EC37";

    private ModemSimulator simulator;
    private SimulatorServer server;
    private RawAtSession at;

    @BeforeEach
    void start() throws Exception {
        simulator = new ModemSimulator();
        server = new SimulatorServer(simulator, 0);
        at = new RawAtSession(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        at.close();
        server.close();
    }

    @Test
    void echoIsOnUntilATE0() throws Exception {
        assertEquals("AT\r\r\nOK\r\n", at.command("AT"));
        assertEquals("ATE0\r\r\nOK\r\n", at.command("ATE0"));
        assertEquals("\r\nOK\r\n", at.command("AT"));
    }

    @Test
    void theSimNeedsItsPinAndLocksAfterThreeWrongOnes() throws Exception {
        at.command("ATE0");
        assertTrue(at.command("AT+CPIN?").contains("+CPIN: SIM PIN"));
        assertTrue(at.command("ATD+4930123;").contains("+CME ERROR: 11"), "no calls before the PIN");
        assertTrue(at.command("ATD112;").endsWith("OK\r\n"), "emergency calls need no PIN");
        at.command("ATH");
        assertTrue(at.command("AT+CPIN=\"0000\"").contains("+CME ERROR: 16"));
        assertTrue(at.command("AT+CPIN=\"1234\"").endsWith("OK\r\n"));
        assertTrue(at.command("AT+CPIN?").contains("+CPIN: READY"));
        assertTrue(at.command("AT+CPWD=\"SC\",\"1234\",\"4321\"").endsWith("OK\r\n"));
        assertTrue(at.command("AT+CLCK=\"SC\",2").contains("+CLCK: 1"));

        simulator.reset();
        at.command("ATE0");
        for (int i = 0; i < 2; i++) {
            assertTrue(at.command("AT+CPIN=\"1111\"").contains("+CME ERROR: 16"));
        }
        assertTrue(at.command("AT+CPIN=\"1111\"").contains("+CME ERROR: 12"), "the third wrong PIN blocks the SIM");
        assertTrue(at.command("AT+CPIN?").contains("+CPIN: SIM PUK"));
        assertTrue(at.command("AT+CPIN=\"12345678\",\"2468\"").endsWith("OK\r\n"));
        assertTrue(at.command("AT+CPIN?").contains("READY"));
    }

    @Test
    void registrationSignalAndNetworkLoss() throws Exception {
        at.command("ATE0");
        assertTrue(at.command("AT+COPS?").contains("+COPS: 0,0,\"Redoubt Net\",7"));
        assertTrue(at.command("AT+CSQ").contains("+CSQ: 20,99"));
        simulator.signal(7);
        assertTrue(at.command("AT+CSQ").contains("+CSQ: 7,99"));
        at.command("AT+CREG=1");
        at.command("AT+CEREG=1");
        simulator.networkLoss();
        assertTrue(at.until("+CEREG: 2\r\n").contains("+CREG: 2"));
        assertTrue(at.command("AT+CREG?").contains("+CREG: 1,2"));
        assertTrue(at.command("AT+CSQ").contains("+CSQ: 99,99"));
        simulator.networkBack();
        assertTrue(at.until("+CEREG: 1\r\n").contains("+CREG: 1"));
        simulator.networkTime("+32");
        assertTrue(at.until("+CTZV: +32\r\n").contains("+CTZV"));
    }

    @Test
    void roamingIsRegistrationStatFiveReportedWhenEnabled() throws Exception {
        at.command("ATE0");
        assertTrue(at.command("AT+CREG?").contains("+CREG: 0,1"));
        simulator.roaming(true);
        assertTrue(at.command("AT+CREG?").contains("+CREG: 0,5"), "stat 5: registered, roaming");
        assertTrue(at.command("AT+CEREG?").contains("+CEREG: 0,5"));
        assertTrue(at.command("AT+COPS?").contains("+COPS: 0,0,\"Visited Net\",7"));
        at.command("AT+CREG=2");
        at.command("AT+CEREG=1");
        simulator.roaming(false);
        assertTrue(at.until("+CEREG: 1\r\n").contains("+CREG: 1"));
        assertTrue(at.command("AT+COPS?").contains("\"Redoubt Net\""));
        assertEquals("ok", new SimulatorConsole(simulator).execute("roam on"));
        assertTrue(at.until("+CEREG: 5\r\n").contains("+CREG: 5"));
        simulator.networkLoss();
        assertTrue(at.until("+CEREG: 2\r\n").contains("+CREG: 2"));
        simulator.networkBack();
        assertTrue(at.until("+CEREG: 5\r\n").contains("+CREG: 5"), "back on the visited network");
        simulator.reset();
        at.command("ATE0");
        assertTrue(at.command("AT+CREG?").contains("+CREG: 0,5"), "a power cycle does not move the handset");
        assertEquals("ok", new SimulatorConsole(simulator).execute("roam off"));
        assertTrue(at.command("AT+CREG?").contains("+CREG: 0,1"));
        assertTrue(new SimulatorConsole(simulator).execute("roam maybe").startsWith("refused"));
    }

    @Test
    void thePacketDomainIsAttachedUntilDetachedAndAgainAfterAReset() throws Exception {
        at.command("ATE0");
        assertEquals("\r\n+CGATT: 1\r\n\r\nOK\r\n", at.command("AT+CGATT?"));
        assertTrue(at.command("AT+CGATT=?").contains("+CGATT: (0,1)"));
        assertEquals("\r\nOK\r\n", at.command("AT+CGATT=0"));
        assertTrue(at.command("AT+CGATT?").contains("+CGATT: 0"));
        assertFalse(simulator.packetAttached());
        simulator.roaming(true);
        assertTrue(at.command("AT+CGATT?").contains("+CGATT: 0"), "roaming does not attach by itself");
        assertTrue(at.command("AT+CGATT=2").contains("+CME ERROR: 3"));
        assertTrue(at.command("AT+CGATT=").contains("+CME ERROR: 3"));
        assertTrue(at.command("AT+CGATT=1").endsWith("OK\r\n"));
        assertTrue(simulator.packetAttached());
        at.command("AT+CGATT=0");
        simulator.reset();
        assertTrue(simulator.packetAttached(), "a power-cycled modem attaches again");
    }

    @Test
    void callsRingAreAnsweredHeldWaitedAndEnded() throws Exception {
        at.command("ATE0");
        at.command("AT+CPIN=\"1234\"");
        at.command("AT+CLIP=1");
        at.command("AT+CCWA=1");
        simulator.incomingCall("+4930123456");
        assertTrue(at.until("+CLIP: \"+4930123456\",145\r\n").contains("RING"));
        assertTrue(at.command("AT+CLCC").contains("+CLCC: 1,1,4,0,0,\"+4930123456\",145"));
        assertTrue(at.command("ATA").endsWith("OK\r\n"));
        simulator.incomingCall("0301234");
        assertTrue(at.until("+CCWA: \"0301234\",129,1\r\n").contains("+CCWA"));
        assertTrue(at.command("AT+CHLD=2").endsWith("OK\r\n"), "hold the first, take the waiting one");
        String list = at.command("AT+CLCC");
        assertTrue(list.contains("+CLCC: 1,1,1,0,0,\"+4930123456\",145"), list);
        assertTrue(list.contains("+CLCC: 2,1,0,0,0,\"0301234\",129"), list);
        simulator.remoteHangUp();
        assertTrue(at.until("NO CARRIER\r\n").contains("NO CARRIER"));
        assertTrue(at.command("ATH").endsWith("OK\r\n"));
        assertEquals("\r\nOK\r\n", at.command("AT+CLCC"));

        assertTrue(at.command("ATD+4930999;").endsWith("OK\r\n"));
        assertTrue(at.command("AT+CLCC").contains("+CLCC: 3,0,3,0,0,\"+4930999\",145"), "an outgoing call alerts");
        simulator.remoteAnswer();
        assertTrue(at.command("AT+CLCC").contains("+CLCC: 3,0,0,0,0,\"+4930999\",145"), "until the other side answers");
        assertTrue(at.command("ATH").endsWith("OK\r\n"));
        assertTrue(at.command("ATD0301111;").endsWith("OK\r\n"));
        simulator.remoteBusy();
        assertTrue(at.until("BUSY\r\n").contains("BUSY"));
        assertEquals("\r\nOK\r\n", at.command("AT+CLCC"));

        simulator.networkLoss();
        assertTrue(at.command("ATD+4930123;").contains("NO CARRIER"), "no network, no call");
    }

    @Test
    void smsAreSentInPduModeAndDeliveredStoredOrDirect() throws Exception {
        at.command("ATE0");
        at.command("AT+CPIN=\"1234\"");
        assertTrue(at.command("AT+CMGF=1").contains("+CMS ERROR: 303"), "text mode is not offered");
        assertTrue(at.command("AT+CMGF=0").endsWith("OK\r\n"));
        assertTrue(at.command("AT+CSCA?").contains("+CSCA: \"+491720000000\",145"));
        assertEquals("\r\n> ", at.command("AT+CMGS=23"));
        at.write("0011000B916407281553F80000AA0AE8329BFD4697D9EC37\u001a");
        String sent = at.until("OK\r\n", "ERROR");
        assertTrue(sent.contains("+CMGS: 1"), sent.replace("\r", "<CR>").replace("\n", "<LF>"));
        assertEquals("\r\n> ", at.command("AT+CMGS=40"));
        at.write("0011000B916407281553F80000AA0AE8329BFD4697D9EC37\u001a");
        assertTrue(at.until("\r\n+CMS ERROR: 304\r\n").contains("304"), "a length that does not match the PDU");

        at.command("AT+CNMI=2,1,0,0,0");
        simulator.deliverSms(DELIVER);
        assertTrue(at.until("+CMTI: \"SM\",1\r\n").contains("+CMTI"));
        String read = at.command("AT+CMGR=1");
        assertTrue(read.contains("+CMGR: 0,,28\r\n" + DELIVER), read);
        assertTrue(at.command("AT+CMGR=1").contains("+CMGR: 1,,28"), "now read");
        assertTrue(at.command("AT+CMGD=1").endsWith("OK\r\n"));
        assertTrue(at.command("AT+CMGR=1").contains("+CMS ERROR: 321"));

        at.command("AT+CNMI=2,2,0,0,0");
        simulator.deliverSms(DELIVER);
        assertTrue(at.until(DELIVER + "\r\n").contains("+CMT: ,28\r\n" + DELIVER));
        assertEquals(0, simulator.storedMessages(), "delivered directly, not stored");
    }

    @Test
    void statusReportsFollowTheMessageWhenAskedForAndStoredMessagesList() throws Exception {
        at.command("ATE0");
        at.command("AT+CPIN=\"1234\"");
        assertTrue(at.command("AT+CNMI=2,1,0,1,0").endsWith("OK\r\n"));
        simulator.unreachable("+46708251358");
        // the published SMS-SUBMIT with TP-SRR set (first octet 31)
        assertEquals("\r\n> ", at.command("AT+CMGS=23"));
        at.write("0031000B916407281553F80000AA0AE8329BFD4697D9EC37\u001a");
        String report = at.until("\r\n+CDS: 25\r\n00060", "ERROR");
        assertTrue(report.contains("+CMGS: 1\r\n\r\nOK"), report);
        assertTrue(at.until("\r\n").length() > 0);
        assertEquals(1, simulator.submitted().size());
        assertEquals("\r\n> ", at.command("AT+CMGS=7"));
        at.write("0000000000000000\u001a");
        assertTrue(at.until("+CMS ERROR: 304\r\n").contains("304"), "not an SMS-SUBMIT");

        assertEquals("ok", new SimulatorConsole(simulator).execute("sms +4930123 hello there"));
        assertTrue(at.until("+CMTI: \"SM\",1\r\n").contains("+CMTI"));
        String list = at.command("AT+CMGL=4");
        assertTrue(list.startsWith("\r\n+CMGL: 1,0,,"), list);
        assertTrue(list.endsWith("OK\r\n"), list);
        assertEquals("\r\nOK\r\n", at.command("AT+CMGL=0"), "listed messages count as read");
        assertTrue(at.command("AT+CMGL=2").contains("+CMS ERROR: 302"));
    }

    @Test
    void ussdAnswersAfterOk() throws Exception {
        at.command("ATE0");
        assertTrue(at.command("AT+CUSD=1,\"*100#\",15").endsWith("OK\r\n"));
        assertTrue(at.until("+CUSD: 0,\"Balance: 12.34 EUR\",15\r\n").contains("+CUSD"));
    }

    @Test
    void unknownCommandsAreErrorsAndTheCommandInterfaceScriptsTheNetwork() throws Exception {
        at.command("ATE0");
        assertTrue(at.command("AT+CFOO=1").contains("ERROR"));
        assertEquals("ok", new SimulatorConsole(simulator).execute("signal 3"));
        assertTrue(at.command("AT+CSQ").contains("+CSQ: 3,99"));
        assertTrue(new SimulatorConsole(simulator).execute("signal 40").startsWith("refused"));
        assertTrue(new SimulatorConsole(simulator).execute("teleport").startsWith("unknown command"));
    }
}
