package org.redoubt.driver.modem.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Serves the simulator over TCP on the loopback interface: one {@link SimulatorSession} per connection. */
public final class SimulatorServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;

    /**
     * @param simulator the modem
     * @param port      the port, 0 for any free one
     * @throws IOException when the port cannot be bound
     */
    public SimulatorServer(ModemSimulator simulator, int port) throws IOException {
        this.server = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(() -> accept(simulator), "modem-simulator-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** @return the bound port */
    public int port() {
        return server.getLocalPort();
    }

    private void accept(ModemSimulator simulator) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Thread session = new Thread(() -> {
                    try (client) {
                        new SimulatorSession(simulator, client.getInputStream(), client.getOutputStream()).run();
                    } catch (IOException e) {
                        // the client went away
                    }
                }, "modem-simulator-session " + client.getRemoteSocketAddress());
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
