package org.redoubt.health.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.redoubt.health.api.ReadinessReport;

/**
 * Decides whether a release is ready from a snapshot of bundles and components.
 *
 * <p>Ready means: every bundle is active (fragments resolved, lazy bundles may be starting) and
 * every configuration of every enabled component is satisfied or active. A component whose
 * configuration policy is {@code require} and that has no configuration yet is not waited for:
 * it is inactive by design until someone configures it. Disabled components are not waited for.
 */
final class ReadinessEvaluator {

    /**
     * @param bundles    the framework's bundles without the system bundle
     * @param components each enabled component description with its configurations
     * @return the report; its {@code waitingFor} names what is not ready yet
     */
    ReadinessReport evaluate(Collection<BundleView> bundles,
            Map<ComponentDescriptionDTO, ? extends Collection<ComponentConfigurationDTO>> components) {
        List<String> waiting = new ArrayList<>();
        for (BundleView bundle : bundles) {
            String reason = bundle.waitingReason();
            if (reason != null) {
                waiting.add(reason);
            }
        }
        int configurations = 0;
        for (Map.Entry<ComponentDescriptionDTO, ? extends Collection<ComponentConfigurationDTO>> entry : components.entrySet()) {
            ComponentDescriptionDTO description = entry.getKey();
            Collection<ComponentConfigurationDTO> configs = entry.getValue();
            if (configs.isEmpty()) {
                if (!"require".equals(description.configurationPolicy)) {
                    waiting.add(componentName(description) + " has no configuration");
                    configurations++;
                }
                continue;
            }
            for (ComponentConfigurationDTO config : configs) {
                configurations++;
                String reason = waitingReason(config);
                if (reason != null) {
                    waiting.add(componentName(description) + " " + reason);
                }
            }
        }
        return new ReadinessReport(bundles.size(), configurations, waiting);
    }

    private static String waitingReason(ComponentConfigurationDTO config) {
        switch (config.state) {
            case ComponentConfigurationDTO.ACTIVE:
            case ComponentConfigurationDTO.SATISFIED:
                return null;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "is waiting for its configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return "has unsatisfied references " + referenceNames(config.unsatisfiedReferences);
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed to activate: " + firstLine(config.failure);
            default:
                return "is in state " + config.state;
        }
    }

    private static String referenceNames(UnsatisfiedReferenceDTO[] references) {
        List<String> names = new ArrayList<>();
        if (references != null) {
            for (UnsatisfiedReferenceDTO reference : references) {
                names.add(reference.name + " (" + reference.target + ")");
            }
        }
        return names.toString();
    }

    private static String componentName(ComponentDescriptionDTO description) {
        String bundle = description.bundle != null ? " of bundle " + description.bundle.symbolicName : "";
        return "component " + description.name + bundle;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
