package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

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
     * @return a connected pair: {@code [0]} for the driver, {@code [1]} for an in-process modem
     * @throws IOException never in practice (pipes in memory)
     */
    static StreamTransport[] inProcessPair() throws IOException {
        PipedInputStream driverIn = new PipedInputStream(64 * 1024);
        PipedOutputStream modemOut = new PipedOutputStream(driverIn);
        PipedInputStream modemIn = new PipedInputStream(64 * 1024);
        PipedOutputStream driverOut = new PipedOutputStream(modemIn);
        StreamTransport driver = new StreamTransport(driverIn, driverOut, "in-process", () -> {
            driverOut.close();
            driverIn.close();
        });
        StreamTransport modem = new StreamTransport(modemIn, modemOut, "in-process modem", () -> {
            modemOut.close();
            modemIn.close();
        });
        return new StreamTransport[] {driver, modem};
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
