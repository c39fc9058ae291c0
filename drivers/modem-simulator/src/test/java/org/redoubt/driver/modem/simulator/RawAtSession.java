package org.redoubt.driver.modem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw AT client over a real TCP socket, as a terminal program would be: it writes bytes and
 * reads until an expected text arrives, with a deadline.
 */
final class RawAtSession implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder received = new StringBuilder();

    RawAtSession(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(100);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a command line and returns everything up to and including its final result. */
    String command(String command) throws IOException {
        write(command + "\r");
        return until("OK\r\n", "ERROR", "NO CARRIER\r\n", "> ");
    }

    /** @return everything received up to the first of {@code endings}, within 5 s */
    String until(String... endings) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        while (System.nanoTime() < deadline) {
            for (String ending : endings) {
                int at = received.indexOf(ending);
                if (at >= 0) {
                    int end = ending.equals("ERROR") ? received.indexOf("\r\n", at) + 2 : at + ending.length();
                    if (end >= at + ending.length()) {
                        String answer = received.substring(0, end);
                        received.delete(0, end);
                        return answer;
                    }
                }
            }
            try {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                chunk.write(b);
                received.append((char) b);
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            }
        }
        throw new AssertionError("not received: " + String.join(" | ", endings) + "; got: " + received);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
