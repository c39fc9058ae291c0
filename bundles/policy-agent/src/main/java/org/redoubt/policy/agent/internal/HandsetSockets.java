package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets of the broker connection: TLS 1.3 only, whatever else the JDK would offer, and
 * TCP_NODELAY, because the agent writes an ack, a status and the PUBACK back to back and Nagle's
 * algorithm would hold each small write for the broker's delayed ACK (40 ms on Linux). Paho 1.2.5
 * sets neither.
 */
final class HandsetSockets extends SSLSocketFactory {

    private static final String[] PROTOCOLS = {"TLSv1.3"};

    private final SSLSocketFactory delegate;

    HandsetSockets(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    private static Socket prepared(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        if (socket instanceof SSLSocket tls) {
            tls.setEnabledProtocols(PROTOCOLS.clone());
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return prepared(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        socket.setTcpNoDelay(true);
        return prepared(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return prepared(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return prepared(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return prepared(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return prepared(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
