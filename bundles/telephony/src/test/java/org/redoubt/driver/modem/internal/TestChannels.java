package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.time.Duration;

import org.redoubt.driver.modem.AtChannel;

/**
 * The modem driver's real AT channel over TCP, for telephony's tests (the driver publishes it as a
 * service in the framework; outside it this is the way in). Test code only.
 */
public final class TestChannels {

    private TestChannels() {
    }

    /**
     * @param port the simulator's port on the loopback interface
     * @return a channel; close it with {@link #close}
     * @throws IOException when it cannot connect
     */
    public static AtChannel tcp(int port) throws IOException {
        return new StreamAtChannel(StreamTransport.tcp("127.0.0.1", port, Duration.ofSeconds(5)), line -> { });
    }

    /** @param channel a channel from {@link #tcp} */
    public static void close(AtChannel channel) {
        ((StreamAtChannel) channel).close();
    }
}
