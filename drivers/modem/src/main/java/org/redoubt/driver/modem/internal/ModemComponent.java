package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.UnsolicitedListener;

/**
 * Publishes the AT channel to the modem that configuration names (PID {@value #PID}). Without a
 * configuration there is no modem and no service. A modem that cannot be reached fails
 * activation with the reason, which readiness reports; a new configuration, or restarting the
 * bundle, tries again. Updating or restarting the bundle closes the channel: consumers see the
 * service go and come back.
 */
@Component(service = AtChannel.class, configurationPid = ModemComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModemComponent.Config.class)
public final class ModemComponent implements AtChannel {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.modem";

    /** Where the modem is. */
    @ObjectClassDefinition(id = PID, name = "Redoubt modem", description = "The AT channel's transport.")
    public @interface Config {
        /** @return tcp or serial */
        @AttributeDefinition(options = {@Option(value = "tcp"), @Option(value = "serial")})
        String transport() default "tcp";

        /** @return the TCP host */
        String host() default "127.0.0.1";

        /** @return the TCP port */
        int port() default 5555;

        /** @return the serial device */
        String device() default "/dev/ttyUSB2";

        /** @return the TCP connect timeout in milliseconds */
        int connectTimeoutMillis() default 5000;
    }

    private final StreamAtChannel channel;

    /**
     * @param config the transport
     * @param logger receives the channel's diagnostics
     * @throws IOException when the modem cannot be reached
     */
    @Activate
    public ModemComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        AtTransport transport = switch (config.transport()) {
            case "tcp" -> StreamTransport.tcp(config.host(), config.port(),
                    Duration.ofMillis(config.connectTimeoutMillis()));
            case "serial" -> StreamTransport.serial(Path.of(config.device()));
            default -> throw new IllegalArgumentException("unknown modem transport '" + config.transport()
                    + "' (expected tcp or serial)");
        };
        this.channel = new StreamAtChannel(transport, logger::warn);
    }

    /** Closes the channel; a waiting command fails with {@code CLOSED}. */
    @Deactivate
    void deactivate() {
        channel.close();
    }

    @Override
    public AtResponse send(String command, Duration timeout) throws AtException {
        return channel.send(command, timeout);
    }

    @Override
    public AtResponse sendWithPayload(String command, String payload, Duration timeout) throws AtException {
        return channel.sendWithPayload(command, payload, timeout);
    }

    @Override
    public void addUnsolicitedListener(UnsolicitedListener listener) {
        channel.addUnsolicitedListener(listener);
    }

    @Override
    public void removeUnsolicitedListener(UnsolicitedListener listener) {
        channel.removeUnsolicitedListener(listener);
    }
}
