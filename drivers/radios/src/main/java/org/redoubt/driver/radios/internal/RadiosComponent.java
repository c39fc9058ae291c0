package org.redoubt.driver.radios.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.audit.AuditLog;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioDevice;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.Radios;
import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiNetworks;
import org.redoubt.driver.radios.WifiSecurity;

/**
 * Publishes the radio switches and the Wi-Fi networks (PID {@value #PID}; simulated unless
 * configured for sysfs) and switches every radio the handset has off before the services exist. A
 * radio that is present but cannot be switched off fails activation: readiness reports it, and
 * nothing may assume the radios are off. A radio the handset lacks is logged and skipped.
 *
 * <p>The policy's radio fields arrive as {@code disabled} in the same configuration: those radios
 * are switched off at once and refuse to be switched on, and their drivers are stopped: each radio
 * the handset has and the policy allows runs as a {@link RadioDevice} service (Wi-Fi also as
 * {@link WifiNetworks}), which a policy that disables the radio withdraws and one that allows it
 * again brings back ({@link RadioDrivers}); each start and stop is audited. The policy's Wi-Fi fields arrive as
 * {@code wifiSsidAllowlist} and {@code wifiMinSecurity}: a network outside them cannot be joined,
 * and a joined one is left as soon as a configuration no longer allows it. The hardware
 * description writes only the backend properties of the same PID and keeps the others, so the
 * policy's stay. A new configuration is taken without restarting the component (a restart would
 * unpublish the services under the shell); when it names another backend, the new backend's radios
 * are all switched off before it is used.
 */
@Component(service = Radios.class, configurationPid = RadiosComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RadiosComponent.Config.class)
public final class RadiosComponent implements Radios, WifiNetworks {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.radios";

    /** Which backend, which radios the policy disables and which Wi-Fi networks it allows. */
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

        /**
         * @return the SSIDs the policy allows to be joined (exact, case and blanks count); empty:
         *         any network
         */
        @AttributeDefinition(description = "Wi-Fi networks the policy allows (SSIDs, exact); empty: any.")
        String[] wifiSsidAllowlist() default {};

        /**
         * @return the weakest Wi-Fi security the policy allows: WPA2, WPA3 or ENTERPRISE; empty:
         *         no minimum (open networks too); anything else is a configuration error, logged,
         *         and means ENTERPRISE
         */
        @AttributeDefinition(description = "Weakest Wi-Fi security the policy allows: WPA2, WPA3, ENTERPRISE;"
                + " empty: none.")
        String wifiMinSecurity() default "";

        /**
         * @return the simulated backend's Wi-Fi networks in range, each {@code SSID:SECURITY}
         *         (security OPEN, WEP, WPA2, WPA3 or ENTERPRISE); a bad entry is logged and skipped
         */
        @AttributeDefinition(description = "Simulated backend: Wi-Fi networks in range, SSID:SECURITY.")
        String[] simulatedNetworks() default {};
    }

    /** The settings that choose a backend; another one means another backend. */
    private record Backend(String backend, String sysfs, String usbDataSwitch, List<String> simulatedNetworks) {
        static Backend of(Config config) {
            List<String> networks = "simulated".equals(config.backend()) && config.simulatedNetworks() != null
                    ? Arrays.asList(config.simulatedNetworks().clone()) : List.of();
            return new Backend(config.backend(), config.sysfs(), config.usbDataSwitch(), networks);
        }

        RadioSwitches open(Logger logger) {
            return switch (backend) {
                case "simulated" -> {
                    SimulatedNetworks networks = SimulatedNetworks.parse(simulatedNetworks.toArray(String[]::new));
                    for (String rejected : networks.rejected()) {
                        logger.error("configuration error in {}: simulatedNetworks entry skipped: {}", PID, rejected);
                    }
                    yield new SimulatedRadios(networks.networks());
                }
                case "sysfs" -> new SysfsRadios(Path.of(sysfs), Path.of(usbDataSwitch));
                default -> throw new IllegalArgumentException("unknown radios backend '" + backend + "'");
            };
        }
    }

    private final Logger logger;
    private final RadioGate gate;
    private final WifiGate wifi;
    private final AuditRecorder audit;
    private final RadioDrivers drivers;
    private Backend backend; // guarded by this
    private Set<Radio> present; // guarded by this

    /**
     * @param context where each radio's driver is published
     * @param config  the backend and the policy
     * @param logger  where skipped radios and configuration errors are reported
     * @throws RadioException when a present radio cannot be switched off
     */
    @Activate
    public RadiosComponent(BundleContext context, Config config,
            @Reference(service = LoggerFactory.class) Logger logger) throws RadioException {
        this(config, logger, (driver, networks) -> publish(context, driver, networks));
    }

    /**
     * Outside a framework: the radios' drivers run but are published nowhere.
     *
     * @param config the backend and the policy
     * @param logger where skipped radios and configuration errors are reported
     * @throws RadioException when a present radio cannot be switched off
     */
    public RadiosComponent(Config config, Logger logger) throws RadioException {
        this(config, logger, RadioDrivers.NOWHERE);
    }

    private RadiosComponent(Config config, Logger logger, RadioDrivers.Publisher publisher) throws RadioException {
        this.logger = logger;
        this.audit = new AuditRecorder(failure -> logger.error("audit: {}", failure));
        this.backend = Backend.of(config);
        this.gate = new RadioGate(start(backend));
        this.wifi = new WifiGate(gate, logger);
        this.drivers = new RadioDrivers(gate, this, publisher, audit, logger::info);
        enforce(config);
    }

    /**
     * @param context  the component's bundle
     * @param driver   a radio's driver
     * @param networks for Wi-Fi, its networks
     * @return what withdraws the driver's services
     */
    private static RadioDrivers.Withdrawal publish(BundleContext context, RadioDriver driver,
            Optional<WifiNetworks> networks) {
        Dictionary<String, Object> properties = new Hashtable<>(Map.of(RadioDevice.RADIO, driver.radio().name()));
        ServiceRegistration<RadioDevice> device = context.registerService(RadioDevice.class, driver, properties);
        Optional<ServiceRegistration<WifiNetworks>> wifi = networks
                .map(service -> context.registerService(WifiNetworks.class, service, null));
        return () -> {
            wifi.ifPresent(ServiceRegistration::unregister);
            device.unregister();
        };
    }

    /** Stops every radio's driver and withdraws its services; the radios stay as they are. */
    @Deactivate
    void deactivate() {
        drivers.close();
    }

    /** @param log where the radios' drivers record their starts and stops */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuditLog(AuditLog log) {
        audit.bind(log);
    }

    /** @param log the audit log that went */
    void unbindAuditLog(AuditLog log) {
        audit.unbind(log);
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

    /** Opens a backend with every radio off, and notes which radios the handset has. */
    private RadioSwitches start(Backend settings) throws RadioException {
        RadioSwitches switches = settings.open(logger);
        Set<Radio> has = EnumSet.allOf(Radio.class);
        for (Map.Entry<Radio, RadioException> missing : RadioGate.allOff(switches).entrySet()) {
            logger.info("a radio is not present on this handset: {}", missing.getValue().getMessage());
            has.remove(missing.getKey());
        }
        present = Set.copyOf(has);
        return switches;
    }

    private void enforce(Config config) {
        RadioPolicy policy = RadioPolicy.of(config.disabled());
        if (!policy.unknown().isEmpty()) {
            logger.error("configuration error in {}: disabled names {} are no radio (known: BLUETOOTH, WIFI, NFC,"
                    + " USB_DATA); the known ones {} are disabled", PID, policy.unknown(), policy.disabled());
        }
        WifiPolicy wifiPolicy = WifiPolicy.of(config.wifiSsidAllowlist(), config.wifiMinSecurity());
        for (String error : wifiPolicy.errors()) {
            logger.error("configuration error in {}: {}", PID, error);
        }
        for (RadioException failed : wifi.enforce(policy, wifiPolicy)) {
            logger.error("{} (the policy disables it; switching it on stays refused)", failed.getMessage(), failed);
        }
        drivers.follow(present, policy.disabled());
        if (!policy.disabled().isEmpty()) {
            logger.info("the policy disables {}", policy.disabled());
        }
        if (!wifiPolicy.anySsid() || wifiPolicy.minimum() != WifiSecurity.OPEN) {
            logger.info("the policy allows Wi-Fi networks {} with security {} or stronger",
                    wifiPolicy.anySsid() ? "of any SSID" : "of " + wifiPolicy.ssids().size() + " SSIDs",
                    wifiPolicy.minimum());
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

    @Override
    public List<WifiNetwork> visible() throws RadioException {
        return wifi.visible();
    }

    @Override
    public void join(WifiNetwork network) throws RadioException {
        wifi.join(network);
    }

    @Override
    public Optional<WifiNetwork> joined() {
        return wifi.joined();
    }

    @Override
    public boolean isAllowed(WifiNetwork network) {
        return wifi.isAllowed(network);
    }

    @Override
    public void leave() throws RadioException {
        wifi.leave();
    }
}
