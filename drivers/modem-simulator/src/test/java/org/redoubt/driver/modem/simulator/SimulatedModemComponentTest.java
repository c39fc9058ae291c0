package org.redoubt.driver.modem.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/** The simulator as the framework runs it: its loopback port for AT clients and its Gogo command. */
class SimulatedModemComponentTest {

    @Test
    void theGogoCommandScriptsTheNetworkThatAtClientsSee() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SimulatedModemComponent modem = new SimulatedModemComponent(Converters.standardConverter()
                .convert(Map.of("tcpPort", port)).to(SimulatedModemComponent.Config.class));
        try (RawAtSession at = new RawAtSession(port)) {
            at.command("ATE0");
            assertEquals("ok", modem.sim("signal", "7"));
            assertTrue(at.command("AT+CSQ").contains("+CSQ: 7,99"));
            assertTrue(modem.sim("teleport").startsWith("unknown command"));
            assertEquals(SimulatorConsole.HELP, modem.sim());
        } finally {
            modem.deactivate();
        }
    }
}
