package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.time.Duration;

import org.redoubt.driver.modem.AtChannel;

/** The modem driver's real AT channel over TCP, for the telephony benchmark (outside the framework). */
public final class BenchChannels {

    private BenchChannels() {
    }

    /** @return a channel to the simulator on the loopback port */
    public static AtChannel tcp(int port) throws IOException {
        return new StreamAtChannel(StreamTransport.tcp("127.0.0.1", port, Duration.ofSeconds(5)), line -> { });
    }

    /** @param channel a channel from {@link #tcp} */
    public static void close(AtChannel channel) {
        ((StreamAtChannel) channel).close();
    }
}
