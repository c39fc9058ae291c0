package org.redoubt.driver.modem.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The far end of a real TCP connection for the channel's tests: it records what it receives and
 * answers each command with a scripted reply, as raw bytes, so that tests can send exactly the
 * line endings, prompts, garbage and silences a modem produces. The modem simulator replaces it
 * for protocol tests; this one is for the channel's framing and timing.
 */
final class ScriptedModem implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private volatile Socket socket;
    private final Thread thread;

    ScriptedModem() throws IOException {
        server = new ServerSocket(0);
        thread = new Thread(this::serve, "scripted-modem");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Answers {@code command} with {@code reply} (raw: include the CR LF); "" means silence. */
    ScriptedModem reply(String command, String reply) {
        replies.put(command, reply);
        return this;
    }

    /** Sends raw bytes now, e.g. an unsolicited result. */
    void push(String raw) throws IOException {
        OutputStream out = awaitSocket().getOutputStream();
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** @return the next command (or payload) received, within 5 s */
    String nextReceived() throws InterruptedException {
        String next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the modem received nothing");
        }
        return next;
    }

    /** Drops the connection. */
    void hangUp() throws IOException {
        awaitSocket().close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socket != null) {
            socket.close();
        }
    }

    private Socket awaitSocket() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (socket == null) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no client connected");
            }
            Thread.onSpinWait();
        }
        return socket;
    }

    private void serve() {
        try (Socket client = server.accept()) {
            socket = client;
            InputStream in = client.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\r' || b == 0x1a) {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    line.reset();
                    received.add(text);
                    String reply = replies.get(text);
                    if (reply != null && !reply.isEmpty()) {
                        push(reply);
                    }
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the test closed it
        }
    }
}
