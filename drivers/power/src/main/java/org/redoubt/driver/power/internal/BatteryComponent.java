package org.redoubt.driver.power.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import org.redoubt.driver.power.Battery;
import org.redoubt.driver.power.BatteryListener;
import org.redoubt.driver.power.BatteryState;

/**
 * Publishes the battery (PID {@value #PID}; simulated unless configured for sysfs) and reads it
 * every {@code pollSeconds}. sysfs can also signal changes through uevents, but polling a few
 * small files is simpler and cheap at this rate.
 */
@Component(service = Battery.class, configurationPid = BatteryComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BatteryComponent.Config.class)
public final class BatteryComponent implements Battery {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.power";

    /** Which backend, and how often. */
    @ObjectClassDefinition(id = PID, name = "Redoubt battery", description = "Battery backend and polling.")
    public @interface Config {
        /** @return simulated or sysfs */
        @AttributeDefinition(options = {@Option(value = "simulated"), @Option(value = "sysfs")})
        String backend() default "simulated";

        /** @return the sysfs root */
        String sysfs() default "/sys";

        /** @return the power supply's name, empty for the first battery */
        String supply() default "";

        /** @return seconds between readings */
        @AttributeDefinition(min = "1")
        int pollSeconds() default 30;

        /** @return the low-battery level in percent */
        @AttributeDefinition(min = "0", max = "100")
        int lowPercent() default 15;
    }

    private final BatteryMonitor monitor;
    private final ScheduledExecutorService poller;

    /**
     * @param config the backend
     * @param logger where failed readings are reported
     * @throws IOException when the battery cannot be found or read
     */
    @Activate
    public BatteryComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        BatterySource source = switch (config.backend()) {
            case "simulated" -> new SimulatedBattery();
            case "sysfs" -> SysfsBattery.find(Path.of(config.sysfs()), config.supply());
            default -> throw new IllegalArgumentException("unknown battery backend '" + config.backend() + "'");
        };
        this.monitor = new BatteryMonitor(source, config.lowPercent(), logger::warn);
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "redoubt-battery");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(monitor::poll, config.pollSeconds(), config.pollSeconds(), TimeUnit.SECONDS);
    }

    /** Stops polling. */
    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    @Override
    public BatteryState state() {
        return monitor.state();
    }

    @Override
    public void addListener(BatteryListener listener) {
        monitor.addListener(listener);
    }

    @Override
    public void removeListener(BatteryListener listener) {
        monitor.removeListener(listener);
    }
}
