package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatedModemComponent;
import org.redoubt.driver.modem.simulator.SimulatorServer;

/**
 * The link to the modem: it publishes the channel only while a real modem (the simulator over TCP
 * or in-process, or a scripted peer) answers, and reconnects after the modem goes away.
 */
class ModemLinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY = Duration.ofMillis(400);

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("warn") && args != null) {
                    warnings.add(String.valueOf(args[args.length - 1]));
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    /** Records what the link publishes: a channel, or {@link #WITHDRAWN}. */
    private static final class Recorder implements ModemLink.Publisher {
        static final Object WITHDRAWN = new Object();
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void publish(StreamAtChannel channel) {
            events.add(channel);
        }

        @Override
        public void withdraw() {
            events.add(WITHDRAWN);
        }

        StreamAtChannel nextChannel() throws InterruptedException {
            Object event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "nothing was published in time");
            assertTrue(event instanceof StreamAtChannel, "expected a channel, got a withdrawal");
            return (StreamAtChannel) event;
        }

        void nextWithdrawal() throws InterruptedException {
            assertEquals(WITHDRAWN, events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "expected a withdrawal");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aModemThatAnswersIsPublishedAndClosingWithdrawsIt() throws Exception {
        Recorder recorder = new Recorder();
        try (ScriptedModem modem = new ScriptedModem()) {
            modem.reply("AT", "\r\nOK\r\n").reply("AT+CGMI", "\r\nRedoubt\r\n\r\nOK\r\n");
            ModemLink link = new ModemLink("scripted", () -> StreamTransport.tcp("127.0.0.1", modem.port(), TIMEOUT),
                    recorder, MAX_RETRY, logger);
            StreamAtChannel channel = recorder.nextChannel();
            assertEquals("AT", modem.nextReceived(), "the link checks that the modem answers");
            assertEquals(List.of("Redoubt"), channel.send("AT+CGMI", TIMEOUT).information());
            link.close();
            recorder.nextWithdrawal();
            assertEquals(AtException.Reason.CLOSED,
                    assertThrows(AtException.class, () -> channel.send("AT", TIMEOUT)).reason());
        }
    }

    @Test
    void aModemThatIsNotThereYetIsPublishedOnceItAnswers() throws Exception {
        int port = freePort();
        Recorder recorder = new Recorder();
        try (ModemLink link = new ModemLink("tcp:" + port, () -> StreamTransport.tcp("127.0.0.1", port, TIMEOUT),
                recorder, MAX_RETRY, logger)) {
            assertNull(recorder.events.poll(600, TimeUnit.MILLISECONDS), "nothing to publish without a modem");
            assertEquals(1, warnings.size(), "one warning per distinct reason, not one per attempt: " + warnings);
            try (SimulatorServer simulator = new SimulatorServer(new ModemSimulator(), port)) {
                StreamAtChannel channel = recorder.nextChannel();
                assertTrue(channel.send("AT+CSQ", TIMEOUT).isOk());
            }
        }
    }

    @Test
    void aSilentModemIsNotPublished() throws Exception {
        Recorder recorder = new Recorder();
        try (ScriptedModem modem = new ScriptedModem()) {
            modem.reply("AT", "");
            try (ModemLink link = new ModemLink("silent",
                    () -> StreamTransport.tcp("127.0.0.1", modem.port(), TIMEOUT), recorder, MAX_RETRY, logger)) {
                assertEquals("AT", modem.nextReceived());
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (warnings.isEmpty() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertTrue(warnings.stream().anyMatch(w -> w.contains("does not answer AT")), warnings.toString());
                assertTrue(recorder.events.isEmpty(), "a modem that does not answer is not published");
            }
        }
    }

    @Test
    void afterTheInProcessModemResetsTheLinkPublishesANewChannel() throws Exception {
        SimulatedModemComponent modem = new SimulatedModemComponent(Converters.standardConverter()
                .convert(Map.of()).to(SimulatedModemComponent.Config.class));
        Recorder recorder = new Recorder();
        try (ModemLink link = new ModemLink("in-process", () -> StreamTransport.inProcess(modem), recorder,
                MAX_RETRY, logger)) {
            StreamAtChannel first = recorder.nextChannel();
            assertTrue(first.send("AT+CPIN?", TIMEOUT).information().contains("+CPIN: SIM PIN"));
            link.dropConnection();
            recorder.nextWithdrawal();
            StreamAtChannel second = recorder.nextChannel();
            assertNotSame(first, second);
            assertTrue(second.send("AT+CSQ", TIMEOUT).isOk(), "the new channel works");
        } finally {
            modem.deactivate();
        }
    }

    @Test
    void theModemEndingTheSessionWithdrawsTheChannelAndTheLinkReconnects() throws Exception {
        SimulatedModemComponent modem = new SimulatedModemComponent(Converters.standardConverter()
                .convert(Map.of()).to(SimulatedModemComponent.Config.class));
        Recorder recorder = new Recorder();
        try (ModemLink link = new ModemLink("in-process", () -> StreamTransport.inProcess(modem), recorder,
                MAX_RETRY, logger)) {
            recorder.nextChannel();
            modem.deactivate(); // every session ends, as when the modem powers off
            recorder.nextWithdrawal();
            assertTrue(recorder.nextChannel().send("AT", TIMEOUT).isOk(), "the modem answers again");
        }
    }

    @Test
    void anUnknownTransportFailsTheComponent() {
        ModemComponent.Config config = Converters.standardConverter().convert(Map.of("transport", "bluetooth"))
                .to(ModemComponent.Config.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModemComponent(config, null, logger));
        assertTrue(e.getMessage().contains("bluetooth"));
    }
}
