package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.InProcessModem;

/**
 * The modem that configuration names (PID {@value #PID}). Without a configuration there is no
 * modem. With one, the driver keeps a {@link ModemLink} to the modem and registers the
 * {@link AtChannel} service while the modem answers: consumers see the service go when the modem
 * resets or goes away, and come back when it answers again. Updating or restarting the bundle
 * closes the channel the same way.
 *
 * <p>The service is registered by hand rather than by SCR because it exists only while the link
 * is up. It carries {@value #TRANSPORT_PROPERTY}, where the modem is.
 */
@Component(service = {}, immediate = true, configurationPid = ModemComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModemComponent.Config.class)
public final class ModemComponent {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.modem";
    /** The service property that says where the modem is, e.g. {@code tcp:127.0.0.1:5555}. */
    public static final String TRANSPORT_PROPERTY = "modem.transport";

    /** Where the modem is. */
    @ObjectClassDefinition(id = PID, name = "Redoubt modem", description = "The AT channel's transport.")
    public @interface Config {
        /** @return tcp, serial or in-process */
        @AttributeDefinition(options = {@Option(value = "tcp"), @Option(value = "serial"), @Option(value = "in-process")})
        String transport() default "tcp";

        /** @return the TCP host */
        String host() default "127.0.0.1";

        /** @return the TCP port */
        int port() default 5555;

        /** @return the serial device */
        String device() default "/dev/ttyUSB2";

        /** @return the TCP connect timeout in milliseconds */
        int connectTimeoutMillis() default 5000;

        /** @return the longest wait between two connection attempts, in milliseconds */
        int reconnectMaxMillis() default 10000;
    }

    private final AtomicReference<InProcessModem> inProcessModem = new AtomicReference<>();
    private final BundleContext context;
    private final ModemLink link;
    private final Object registrationLock = new Object();
    private ServiceRegistration<AtChannel> registration; // guarded by registrationLock

    /**
     * @param config  the transport
     * @param context registers the channel
     * @param logger  receives the link's changes and the channel's diagnostics
     */
    @Activate
    public ModemComponent(Config config, BundleContext context,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.context = context;
        this.link = new ModemLink(describe(config), opener(config), new Registrar(),
                Duration.ofMillis(config.reconnectMaxMillis()), logger);
    }

    /** @param modem a modem inside the framework: the link tries it now */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInProcessModem(InProcessModem modem) {
        inProcessModem.set(modem);
        if (link != null) {
            link.retryNow();
        }
    }

    /** @param modem the modem that goes away: its connection ends */
    void unbindInProcessModem(InProcessModem modem) {
        if (inProcessModem.compareAndSet(modem, null) && link != null) {
            link.dropConnection();
        }
    }

    /** Withdraws the channel and closes it; a waiting command fails with {@code CLOSED}. */
    @Deactivate
    void deactivate() {
        link.close();
    }

    /**
     * @param config the configuration
     * @return what opens the configured transport
     * @throws IllegalArgumentException for an unknown transport (activation fails with it)
     */
    ModemLink.Opener opener(Config config) {
        return switch (config.transport()) {
            case "tcp" -> () -> StreamTransport.tcp(config.host(), config.port(),
                    Duration.ofMillis(config.connectTimeoutMillis()));
            case "serial" -> () -> StreamTransport.serial(Path.of(config.device()));
            case "in-process" -> () -> {
                InProcessModem modem = inProcessModem.get();
                if (modem == null) {
                    throw new ModemLink.ModemAbsent("no in-process modem is running yet");
                }
                return StreamTransport.inProcess(modem);
            };
            default -> throw new IllegalArgumentException("unknown modem transport '" + config.transport()
                    + "' (expected tcp, serial or in-process)");
        };
    }

    private static String describe(Config config) {
        return switch (config.transport()) {
            case "tcp" -> "tcp:" + config.host() + ":" + config.port();
            case "serial" -> "serial:" + config.device();
            default -> config.transport();
        };
    }

    /** Registers the channel as the bundle's {@link AtChannel} service while the link is up. */
    private final class Registrar implements ModemLink.Publisher {
        @Override
        public void publish(StreamAtChannel channel) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(TRANSPORT_PROPERTY, channel.describe());
            properties.put(Constants.SERVICE_DESCRIPTION, "AT channel to the modem");
            synchronized (registrationLock) {
                registration = context.registerService(AtChannel.class, channel, properties);
            }
        }

        @Override
        public void withdraw() {
            synchronized (registrationLock) {
                if (registration != null) {
                    try {
                        registration.unregister();
                    } catch (IllegalStateException e) {
                        // already gone with the bundle
                    }
                    registration = null;
                }
            }
        }
    }
}
