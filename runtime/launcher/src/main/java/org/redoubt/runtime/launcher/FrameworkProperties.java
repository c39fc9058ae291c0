package org.redoubt.runtime.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

import org.redoubt.crypto.documents.DeviceIdentity;

/**
 * The framework properties of one boot. They do not depend on the release, so that the framework
 * can be created while the release is still being verified; the framework start level comes from
 * the release once it is installed ({@link FrameworkBoot}). Bundles read the {@code redoubt.*} ones through
 * {@code BundleContext.getProperty}; {@code runtime/README.md} lists them.
 */
final class FrameworkProperties {

    private FrameworkProperties() {
    }

    /**
     * @param options        the command line
     * @param data           the data directory
     * @param device         this handset's identity
     * @param interactive    whether a terminal is attached (decides whether Gogo reads it)
     * @return the properties; {@code --property} values override the defaults
     */
    /** The export of the slots API from the system bundle; its version is the package's. */
    static final String SLOTS_PACKAGE = "org.redoubt.runtime.slots;version=\"1.1.0\"";
    /** The export of the firewall API (the rules in force, violation listeners) from the system bundle. */
    static final String FIREWALL_PACKAGE = "org.redoubt.runtime.firewall;version=\"1.0.0\"";

    static Map<String, String> of(LaunchOptions options, DataDirectory data, DeviceIdentity device,
            boolean interactive) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("org.osgi.framework.storage", data.frameworkStorage().toString());
        // Rebuilt from the verified release at every boot: nothing unverified runs from a cache.
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        // Felix's internal logger writes to standard output; framework errors reach us as events.
        properties.put("felix.log.level", "0");
        properties.put("felix.cm.dir", data.state().resolve("config").toString());
        // SCR announces component state changes through its change count; readiness listens to it.
        properties.put("ds.service.changecount.timeout", "20");
        properties.put("ds.loglevel", "warn");
        // The launcher's slots service (org.redoubt.runtime.slots) and its firewall API
        // (org.redoubt.runtime.firewall) are on its class path; bundles see them through the system bundle.
        properties.put("org.osgi.framework.system.packages.extra", SLOTS_PACKAGE + "," + FIREWALL_PACKAGE);
        properties.put("redoubt.data.dir", data.root().toString());
        properties.put("redoubt.state.dir", data.state().toString());
        properties.put("redoubt.log.dir", data.log().toString());
        properties.put("redoubt.log.level", options.logLevel());
        // The Log Service's root level defaults to WARN; entries below it are never even created.
        properties.put("org.osgi.service.log.admin.loglevel", options.logLevel());
        properties.put("redoubt.log.console", Boolean.toString(options.consoleLog()));
        properties.put("redoubt.trust.root", data.trustRoot().toString());
        properties.put("redoubt.device.id", device.deviceId());
        properties.put("redoubt.device.group", device.group());
        properties.put("redoubt.device.model", device.hardwareModel());
        // Gogo (engineering profile only): without a terminal there is no one to talk to.
        properties.put("gosh.args", interactive ? "" : "--nointeractive");
        properties.putAll(options.properties());
        return properties;
    }
}
