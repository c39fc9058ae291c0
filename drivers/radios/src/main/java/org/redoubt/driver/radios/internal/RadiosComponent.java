package org.redoubt.driver.radios.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.Radios;

/**
 * Publishes the radio switches (PID {@value #PID}; simulated unless configured for sysfs) and
 * switches every radio the handset has off before the service exists. A radio that is present but
 * cannot be switched off fails activation: readiness reports it, and nothing may assume the radios
 * are off. A radio the handset lacks is logged and skipped.
 */
@Component(service = Radios.class, configurationPid = RadiosComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RadiosComponent.Config.class)
public final class RadiosComponent implements Radios {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.radios";

    /** Which backend. */
    @ObjectClassDefinition(id = PID, name = "Redoubt radios", description = "Radio switch backend.")
    public @interface Config {
        /** @return simulated or sysfs */
        @AttributeDefinition(options = {@Option(value = "simulated"), @Option(value = "sysfs")})
        String backend() default "simulated";

        /** @return the sysfs root */
        String sysfs() default "/sys";

        /** @return the USB data attribute (1 = data on) */
        String usbDataSwitch() default "/sys/kernel/config/usb_gadget/redoubt/enabled";
    }

    private final Radios radios;

    /**
     * @param config the backend
     * @param logger where skipped radios are reported
     * @throws RadioException when a present radio cannot be switched off
     */
    @Activate
    public RadiosComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) throws RadioException {
        this.radios = switch (config.backend()) {
            case "simulated" -> new SimulatedRadios();
            case "sysfs" -> new SysfsRadios(Path.of(config.sysfs()), Path.of(config.usbDataSwitch()));
            default -> throw new IllegalArgumentException("unknown radios backend '" + config.backend() + "'");
        };
        for (Radio radio : Radio.values()) {
            try {
                radios.set(radio, false);
            } catch (RadioException e) {
                if (e.reason() != RadioException.Reason.UNAVAILABLE) {
                    throw e;
                }
                logger.info("{} is not present on this handset: {}", radio, e.getMessage());
            }
        }
    }

    @Override
    public boolean isOn(Radio radio) throws RadioException {
        return radios.isOn(radio);
    }

    @Override
    public void set(Radio radio, boolean on) throws RadioException {
        radios.set(radio, on);
    }
}
