package org.redoubt.driver.radios.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
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
 *
 * <p>The policy's radio fields arrive as {@code disabled} in the same configuration: those radios
 * are switched off at once and refuse to be switched on. A new configuration is taken without
 * restarting the component (a restart would unpublish the service under the shell); when it
 * names another backend, the new backend's radios are all switched off before it is used.
 */
@Component(service = Radios.class, configurationPid = RadiosComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RadiosComponent.Config.class)
public final class RadiosComponent implements Radios {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.radios";

    /** Which backend, and which radios the policy disables. */
    @ObjectClassDefinition(id = PID, name = "Redoubt radios", description = "Radio switch backend and policy.")
    public @interface Config {
        /** @return simulated or sysfs */
        @AttributeDefinition(options = {@Option(value = "simulated"), @Option(value = "sysfs")})
        String backend() default "simulated";

        /** @return the sysfs root */
        String sysfs() default "/sys";

        /** @return the USB data attribute (1 = data on) */
        String usbDataSwitch() default "/sys/kernel/config/usb_gadget/redoubt/enabled";

        /**
         * @return the radios the policy disables ({@link Radio} names); an unknown name is a
         *         configuration error, logged, and every known name still counts
         */
        @AttributeDefinition(description = "Radios the policy disables: BLUETOOTH, WIFI, NFC, USB_DATA.")
        String[] disabled() default {};
    }

    /** The settings that choose a backend; another one means another backend. */
    private record Backend(String backend, String sysfs, String usbDataSwitch) {
        static Backend of(Config config) {
            return new Backend(config.backend(), config.sysfs(), config.usbDataSwitch());
        }

        RadioSwitches open() {
            return switch (backend) {
                case "simulated" -> new SimulatedRadios();
                case "sysfs" -> new SysfsRadios(Path.of(sysfs), Path.of(usbDataSwitch));
                default -> throw new IllegalArgumentException("unknown radios backend '" + backend + "'");
            };
        }
    }

    private final Logger logger;
    private final RadioGate gate;
    private Backend backend; // guarded by this

    /**
     * @param config the backend and the policy
     * @param logger where skipped radios and configuration errors are reported
     * @throws RadioException when a present radio cannot be switched off
     */
    @Activate
    public RadiosComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) throws RadioException {
        this.logger = logger;
        this.backend = Backend.of(config);
        this.gate = new RadioGate(start(backend));
        enforce(config);
    }

    /**
     * Takes a new configuration: another backend is started (all off) and put in place, then the
     * policy is enforced.
     *
     * @param config the new configuration
     * @throws RadioException when the new backend has a radio that cannot be switched off; the
     *                        old backend and the new policy stay in force
     */
    @Modified
    synchronized void modified(Config config) throws RadioException {
        Backend next = Backend.of(config);
        try {
            if (!next.equals(backend)) {
                RadioSwitches replacement = start(next);
                gate.replace(replacement);
                backend = next;
                logger.info("radios now use the {} backend", next.backend());
            }
        } finally {
            enforce(config);
        }
    }

    private RadioSwitches start(Backend settings) throws RadioException {
        RadioSwitches switches = settings.open();
        for (RadioException missing : RadioGate.allOff(switches)) {
            logger.info("a radio is not present on this handset: {}", missing.getMessage());
        }
        return switches;
    }

    private void enforce(Config config) {
        RadioPolicy policy = RadioPolicy.of(config.disabled());
        if (!policy.unknown().isEmpty()) {
            logger.error("configuration error in {}: disabled names {} are no radio (known: BLUETOOTH, WIFI, NFC,"
                    + " USB_DATA); the known ones {} are disabled", PID, policy.unknown(), policy.disabled());
        }
        for (RadioException failed : gate.enforce(policy)) {
            logger.error("{} (the policy disables it; switching it on stays refused)", failed.getMessage(), failed);
        }
        if (!policy.disabled().isEmpty()) {
            logger.info("the policy disables {}", policy.disabled());
        }
    }

    @Override
    public boolean isOn(Radio radio) throws RadioException {
        return gate.isOn(radio);
    }

    @Override
    public void set(Radio radio, boolean on) throws RadioException {
        gate.set(radio, on);
    }

    @Override
    public boolean isAllowed(Radio radio) {
        return gate.isAllowed(radio);
    }
}
