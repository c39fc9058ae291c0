package org.redoubt.driver.modem;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A modem that runs inside the framework, such as the emulator's simulated modem. The modem
 * driver, configured with the {@code in-process} transport, connects its AT channel to the
 * highest-ranked one of these services.
 *
 * @since 1.1
 */
@ConsumerType
public interface InProcessModem {

    /**
     * Serves one AT client until either stream ends or the returned handle is closed. The modem
     * reads command bytes from {@code commands} and writes its answers and unsolicited results to
     * {@code replies}, on its own thread.
     *
     * @param commands bytes from the AT client
     * @param replies  bytes to the AT client
     * @return closes the connection (both streams)
     */
    Closeable connect(InputStream commands, OutputStream replies);
}
