package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-process pipe carries a whole exchange both ways (the emulator's modem runs this way). */
class InProcessTransportTest {

    @Test
    void anExchangeOverThePipe() throws Exception {
        StreamTransport[] pair = StreamTransport.inProcessPair();
        Thread modem = new Thread(() -> {
            try {
                InputStream in = pair[1].input();
                OutputStream out = pair[1].output();
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) != '\r') {
                    line.write(b);
                }
                if (line.toString(StandardCharsets.US_ASCII).equals("AT+CGMI")) {
                    out.write("\r\nRedoubt\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        modem.start();
        try (StreamAtChannel channel = new StreamAtChannel(pair[0], line -> { })) {
            assertEquals(List.of("Redoubt"), channel.send("AT+CGMI", Duration.ofSeconds(5)).information());
        }
        modem.join();
        pair[1].close();
    }
}
