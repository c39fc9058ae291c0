package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.driver.modem.UnsolicitedResult;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatorServer;

/**
 * The serial transport on a real pseudo-terminal: {@code socat} (installed by
 * {@code .ci/setup-machine}) connects a pty in raw mode to the simulator's TCP port, so the driver
 * opens a device path as it would {@code /dev/ttyUSB2}.
 */
class SerialTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path directory;
    private ModemSimulator simulator;
    private SimulatorServer server;
    private Process socat;
    private Path device;

    @BeforeEach
    void startTheSerialLine() throws Exception {
        simulator = new ModemSimulator();
        server = new SimulatorServer(simulator, 0);
        device = directory.resolve("ttyModem");
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device,
                    "tcp:127.0.0.1:" + server.port()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("socat is needed for this test: run .ci/setup-machine", e);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(device)) {
            if (!socat.isAlive()) { // read its output only once it has ended: reading would block before
                throw new AssertionError("socat ended: " + new String(socat.getInputStream().readAllBytes()));
            }
            assertTrue(System.nanoTime() < deadline, "socat created no pseudo-terminal in time");
            Thread.sleep(10);
        }
    }

    @AfterEach
    void stop() throws Exception {
        socat.destroyForcibly().waitFor();
        server.close();
    }

    @Test
    void commandsAndUnsolicitedResultsCrossTheSerialLine() throws Exception {
        assertTrue(Files.readSymbolicLink(device).toString().startsWith("/dev/pts/"), "a real pseudo-terminal");
        BlockingQueue<UnsolicitedResult> unsolicited = new LinkedBlockingQueue<>();
        try (StreamAtChannel channel = new StreamAtChannel(StreamTransport.serial(device), line -> { })) {
            channel.addUnsolicitedListener(unsolicited::add);
            assertTrue(channel.send("ATE0", TIMEOUT).isOk());
            assertEquals(List.of("+CPIN: SIM PIN"), channel.send("AT+CPIN?", TIMEOUT).information());
            assertTrue(channel.send("AT+CPIN=\"1234\"", TIMEOUT).isOk());
            assertEquals(List.of("+CMGS: 1"), channel.sendWithPayload("AT+CMGS=23",
                    "0011000B916407281553F80000AA0AE8329BFD4697D9EC37", TIMEOUT).information(),
                    "the payload prompt arrives without a line end");

            simulator.incomingCall("+15551234");
            UnsolicitedResult ring = unsolicited.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(ring, "RING crossed the line");
            assertEquals("RING", ring.line());

            socat.destroyForcibly().waitFor();
            Thread closer = new Thread(() -> {
                try {
                    channel.awaitClosed();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            closer.start();
            closer.join(TIMEOUT.toMillis());
            assertTrue(!closer.isAlive(), "the channel sees the line hang up");
        }
    }
}
