package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Duration;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.mqtt.BrokerSession;
import org.redoubt.fleet.cli.mqtt.TlsIdentity;

import picocli.CommandLine.Option;

/** How to reach the broker as an operator: its address and the operator's mutual-TLS files. */
final class BrokerOptions {

    @Option(names = "--broker", required = true, description = "ssl://host:port")
    String broker;

    @Option(names = "--ca", required = true, description = "The fleet CA certificate (PEM) the broker's certificate is from.")
    Path ca;

    @Option(names = "--cert", required = true, description = "Your operator-* certificate (PEM).")
    Path certificate;

    @Option(names = "--key", required = true, description = "Its private key (PEM, PKCS#8 or EC).")
    Path key;

    @Option(names = "--timeout", defaultValue = "10", description = "Seconds to wait for each broker answer (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /**
     * @return a connected session
     * @throws FleetException when the files are bad or the broker cannot be reached or refuses
     */
    BrokerSession connect() throws FleetException {
        if (timeoutSeconds < 1) {
            throw new FleetException("--timeout is at least 1 second");
        }
        return BrokerSession.connect(broker, TlsIdentity.fromPem(ca, certificate, key), Duration.ofSeconds(timeoutSeconds));
    }
}
