package org.redoubt.fleet.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker as a child process, on its shipped configuration: for tests and for
 * trying the fleet out on one machine. {@code mosquitto} must be installed (Debian package
 * {@code mosquitto}; {@code .ci/setup-machine} installs it).
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path log;

    private MosquittoProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the broker and waits until it accepts connections.
     *
     * @param configuration the configuration file ({@link BrokerConfiguration#write})
     * @param port          the port it names
     * @param log           where the broker's output goes
     * @return the running broker
     * @throws IOException when it does not start or listen in time
     */
    public static MosquittoProcess start(Path configuration, int port, Path log) throws IOException {
        Process process = new ProcessBuilder(executable(), "-c", configuration.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new MosquittoProcess(process, port, log);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    String said = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log).strip() : "";
                    throw new IOException("mosquitto did not listen on " + port + ": " + said, notYet);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    /** @return a port nobody listens on now, on the loopback interface */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String executable() {
        for (String candidate : new String[] {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto"}) {
            if (new java.io.File(candidate).canExecute()) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** @return where its output goes */
    public Path log() {
        return log;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping mosquitto", e);
        }
    }
}
