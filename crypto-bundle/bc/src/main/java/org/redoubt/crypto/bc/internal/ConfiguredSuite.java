package org.redoubt.crypto.bc.internal;

import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.Suite;

/**
 * The suite chosen by configuration, published as the {@link ActiveSuite} service with the
 * suite's name as {@value ActiveSuite#PROPERTY}. A changed configuration deactivates and
 * reactivates the component (there is no modified method), so consumers bound to the old suite
 * are rebound.
 *
 * <p>The component registers the service itself, after checking the configuration, instead of
 * letting SCR register it: SCR registers a component's service before it activates it, so an
 * unknown suite name would leave a registered service that no one can get. Here an unknown name
 * fails activation (readiness reports the component as failed) and no service exists at all;
 * there is never a silent default.
 */
@Component(service = {}, configurationPid = ActiveSuite.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ConfiguredSuite.Config.class)
public final class ConfiguredSuite implements ActiveSuite {

    /** The configuration. */
    @ObjectClassDefinition(id = ActiveSuite.PID, name = "Redoubt crypto suite",
            description = "The suite for the handset's new keys, sealed storage and its own signatures.")
    public @interface Config {
        /** @return NIST or SM */
        @AttributeDefinition(name = "Suite", options = {
            @org.osgi.service.metatype.annotations.Option(value = "NIST"),
            @org.osgi.service.metatype.annotations.Option(value = "SM")})
        String redoubt_crypto_suite() default "NIST";
    }

    private final Suite suite;
    private final ServiceRegistration<ActiveSuite> registration;

    /**
     * @param config  the configuration
     * @param context registers the service once the configuration is valid
     * @throws IllegalArgumentException when the suite is neither NIST nor SM
     */
    @Activate
    public ConfiguredSuite(Config config, BundleContext context) {
        this.suite = parse(config.redoubt_crypto_suite());
        this.registration = context.registerService(ActiveSuite.class, this,
                FrameworkUtil.asDictionary(Map.of(ActiveSuite.PROPERTY, suite.name())));
    }

    /** Withdraws the service. */
    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    /**
     * @param name a suite's name exactly as the enum spells it, so that the service property (the
     *             configured text) always equals the suite's name
     * @return the suite
     * @throws IllegalArgumentException when it names no suite
     */
    static Suite parse(String name) {
        Objects.requireNonNull(name, "name");
        for (Suite suite : Suite.values()) {
            if (suite.name().equals(name)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown crypto suite '" + name + "' in configuration "
                + ActiveSuite.PID + " (expected NIST or SM); no suite is active");
    }

    @Override
    public Suite suite() {
        return suite;
    }

    @Override
    public String toString() {
        return "active suite " + suite;
    }
}
