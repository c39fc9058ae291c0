package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.AtException;

/** The component through its constructor, with configurations built by the OSGi Converter. */
class ModemComponentTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("warn") && args != null && args.length == 1) {
                    warnings.add(String.valueOf(args[0]));
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    private static ModemComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(ModemComponent.Config.class);
    }

    @Test
    void aConfiguredTcpModemAnswers() throws Exception {
        try (ScriptedModem modem = new ScriptedModem()) {
            modem.reply("AT+CGMI", "\r\nRedoubt\r\n\r\nOK\r\n");
            ModemComponent component = new ModemComponent(config(Map.of("transport", "tcp", "port", modem.port())), logger);
            try {
                assertEquals(List.of("Redoubt"), component.send("AT+CGMI", Duration.ofSeconds(5)).information());
            } finally {
                component.deactivate();
            }
            assertEquals(AtException.Reason.CLOSED, assertThrows(AtException.class,
                    () -> component.send("AT", Duration.ofSeconds(1))).reason(), "deactivation closes the channel");
        }
    }

    @Test
    void anUnreachableModemFailsActivationWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IOException e = assertThrows(IOException.class,
                () -> new ModemComponent(config(Map.of("port", closedPort, "connectTimeoutMillis", 1000)), logger));
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new ModemComponent(config(Map.of("transport", "bluetooth")), logger));
    }
}
