package org.redoubt.crypto.bc.internal;

import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.Suite;

/**
 * The suite chosen by configuration. The configuration property and the service property have
 * the same name, so the service always advertises the suite it serves. A changed configuration
 * re-registers the service (there is no modified method), so consumers bound to the old suite
 * are rebound. An unknown suite name fails activation: no service, never a silent default.
 */
@Component(service = ActiveSuite.class, configurationPid = ActiveSuite.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = ActiveSuite.PROPERTY + "=NIST")
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

    /**
     * @param config the configuration
     * @throws IllegalArgumentException when the suite is neither NIST nor SM
     */
    @Activate
    public ConfiguredSuite(Config config) {
        this.suite = parse(config.redoubt_crypto_suite());
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
