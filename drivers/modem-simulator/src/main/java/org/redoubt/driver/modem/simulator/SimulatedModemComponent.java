package org.redoubt.driver.modem.simulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.driver.modem.InProcessModem;

/**
 * The emulator's modem: a {@link ModemSimulator} inside the framework (PID {@value #PID}, only
 * when configured). The modem driver's {@code in-process} transport connects to it; with
 * {@code tcpPort} set it also serves AT clients on the loopback interface. Its network side is
 * scripted with the Gogo command {@code modem:sim} (e.g. {@code modem:sim call +15551234}).
 *
 * <p>Immediate: the simulated modem, its SIM and the messages on it live as long as this bundle,
 * like a real modem that stays powered while its driver restarts. (A delayed component would be
 * disposed of, and its state lost, whenever the driver let go of it.)
 */
@Component(service = InProcessModem.class, configurationPid = SimulatedModemComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        property = {"osgi.command.scope=modem", "osgi.command.function=sim"})
@Designate(ocd = SimulatedModemComponent.Config.class)
public final class SimulatedModemComponent implements InProcessModem {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.modem.simulator";

    /** The simulated modem's settings. */
    @ObjectClassDefinition(id = PID, name = "Redoubt simulated modem")
    public @interface Config {
        /** @return a loopback TCP port for external AT clients, 0 for none */
        int tcpPort() default 0;
    }

    private final ModemSimulator simulator = new ModemSimulator();
    private final SimulatorConsole console = new SimulatorConsole(simulator);
    private final Set<Closeable> sessions = ConcurrentHashMap.newKeySet();
    private final SimulatorServer server;

    /**
     * @param config the settings
     * @throws IOException when the TCP port cannot be bound
     */
    @Activate
    public SimulatedModemComponent(Config config) throws IOException {
        this.server = config.tcpPort() > 0 ? new SimulatorServer(simulator, config.tcpPort()) : null;
    }

    @Override
    public Closeable connect(InputStream commands, OutputStream replies) {
        Closeable session = () -> {
            try (commands; replies) {
                // closing both ends the session's loop
            }
        };
        sessions.add(session);
        Thread thread = new Thread(() -> {
            try {
                new SimulatorSession(simulator, commands, replies).run();
            } finally {
                sessions.remove(session);
            }
        }, "modem-simulator-session in-process");
        thread.setDaemon(true);
        thread.start();
        return session;
    }

    /**
     * The Gogo command {@code modem:sim}: scripts the network side.
     *
     * @param words one command of {@link SimulatorConsole}, e.g. {@code call +15551234}
     * @return the reply
     */
    public String sim(String... words) {
        return console.execute(String.join(" ", words));
    }

    /** Ends every session and the TCP server. */
    @Deactivate
    public void deactivate() throws IOException {
        for (Closeable session : sessions) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
