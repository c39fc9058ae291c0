package org.redoubt.driver.modem.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.redoubt.driver.modem.InProcessModem;

/** The three transports: a TCP socket, a serial device file, and an in-process pipe. */
final class StreamTransport implements AtTransport {

    private final InputStream input;
    private final OutputStream output;
    private final String description;
    private final AutoCloseable resource;

    private StreamTransport(InputStream input, OutputStream output, String description, AutoCloseable resource) {
        this.input = input;
        this.output = output;
        this.description = description;
        this.resource = resource;
    }

    /**
     * @param host    the modem's (or simulator's) host
     * @param port    its port
     * @param timeout connect timeout
     * @return a transport over TCP, no delay, keep-alive on
     * @throws IOException when it cannot connect
     */
    static StreamTransport tcp(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            return new StreamTransport(socket.getInputStream(), socket.getOutputStream(), "tcp:" + host + ":" + port,
                    socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A serial device (e.g. {@code /dev/ttyUSB2}), read and written as a file. Line settings (raw
     * mode, speed) belong to the platform's device setup, not to this driver.
     *
     * @param device the device path
     * @return a transport over the device
     * @throws IOException when it cannot be opened
     */
    static StreamTransport serial(Path device) throws IOException {
        InputStream in = Files.newInputStream(device, StandardOpenOption.READ);
        try {
            OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE);
            return new StreamTransport(in, out, "serial:" + device, () -> {
                try (in; out) {
                    // closes both
                }
            });
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * A connected pair over two operating-system pipes. Unlike {@code PipedInputStream}, a pipe
     * does not break when a thread that once wrote to it ends (the simulator writes unsolicited
     * results from whichever thread scripts it).
     *
     * @return {@code [0]} for the driver, {@code [1]} for an in-process modem
     * @throws IOException when the pipes cannot be created
     */
    static StreamTransport[] inProcessPair() throws IOException {
        Pipe toDriver = Pipe.open();
        Pipe toModem;
        try {
            toModem = Pipe.open();
        } catch (IOException e) {
            closeBoth(toDriver.source(), toDriver.sink());
            throw e;
        }
        StreamTransport driver = new StreamTransport(Channels.newInputStream(toDriver.source()),
                Channels.newOutputStream(toModem.sink()), "in-process",
                () -> closeBoth(toModem.sink(), toDriver.source()));
        StreamTransport modem = new StreamTransport(Channels.newInputStream(toModem.source()),
                Channels.newOutputStream(toDriver.sink()), "in-process modem",
                () -> closeBoth(toDriver.sink(), toModem.source()));
        return new StreamTransport[] {driver, modem};
    }

    /**
     * Connects the driver's end of a new pipe pair to a modem inside the framework.
     *
     * @param modem the in-process modem
     * @return the driver's end; closing it also ends the modem's session
     * @throws IOException when the pipes cannot be created
     */
    static StreamTransport inProcess(InProcessModem modem) throws IOException {
        StreamTransport[] pair = inProcessPair();
        Closeable session = modem.connect(pair[1].input(), pair[1].output());
        StreamTransport driver = pair[0];
        return new StreamTransport(driver.input, driver.output, driver.description, () -> {
            try (session; StreamTransport modemEnd = pair[1]) {
                driver.close();
            }
        });
    }

    private static void closeBoth(Closeable first, Closeable second) throws IOException {
        try (second) {
            first.close();
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        try {
            resource.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
