package org.redoubt.driver.hardware.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.redoubt.json.JsonException;

/**
 * Configures the drivers for the handset's hardware model (framework property
 * {@value #MODEL_PROPERTY}) from the description this bundle carries as
 * {@code hardware/<model>.json}. The descriptions are part of a signed release like any code, so
 * which device file or port a driver opens is as trustworthy as the driver. A model without a
 * description fails activation with the known models, which readiness reports: the release does
 * not fit this handset.
 *
 * <p>Each configuration is written only when it differs from what Config Admin holds, so a reboot
 * does not restart the drivers; the description's properties are laid over the stored ones, so
 * what the policy agent set there (the radios a policy disables) stays, and with location {@code "?"} so that whichever bundle holds the
 * driver (also after an update) receives it.
 */
@Component(service = {}, immediate = true)
public final class HardwareComponent {

    /** The framework property naming the hardware model. */
    public static final String MODEL_PROPERTY = "redoubt.device.model";
    private static final String DIRECTORY = "hardware/";

    /**
     * @param context reads the model and this bundle's descriptions
     * @param admin   receives the configurations
     * @param logger  says what was configured
     * @throws IOException   when a configuration cannot be written
     * @throws JsonException when the model's description is invalid
     */
    @Activate
    public HardwareComponent(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference(service = LoggerFactory.class) Logger logger) throws IOException, JsonException {
        String model = context.getProperty(MODEL_PROPERTY);
        HardwareDescription description = describe(context, model);
        int changed = 0;
        for (Map.Entry<String, Map<String, Object>> entry : description.configurations().entrySet()) {
            Configuration configuration = admin.getConfiguration(entry.getKey(), "?");
            if (configuration.updateIfDifferent(SharedConfiguration.merged(configuration.getProperties(), entry.getValue()))) {
                changed++;
            }
        }
        logger.info("Hardware model {}: {} driver configurations, {} changed", model,
                description.configurations().size(), changed);
    }

    private static HardwareDescription describe(BundleContext context, String model) throws IOException, JsonException {
        if (model == null || !HardwareDescription.MODEL.matcher(model).matches()) {
            throw new IllegalStateException("the framework property " + MODEL_PROPERTY + " names no valid hardware model: "
                    + model);
        }
        URL entry = context.getBundle().getEntry(DIRECTORY + model + ".json");
        if (entry == null) {
            throw new IllegalStateException("no hardware description for model '" + model + "' (this release knows "
                    + knownModels(context) + ")");
        }
        try (InputStream in = entry.openStream()) {
            return HardwareDescription.parse(in.readNBytes(64 * 1024 + 1), model);
        }
    }

    private static List<String> knownModels(BundleContext context) {
        List<String> models = new ArrayList<>();
        Enumeration<String> paths = context.getBundle().getEntryPaths(DIRECTORY);
        for (String path : paths == null ? List.<String>of() : Collections.list(paths)) {
            if (path.endsWith(".json")) {
                models.add(path.substring(DIRECTORY.length(), path.length() - ".json".length()));
            }
        }
        Collections.sort(models);
        return models;
    }

}
