package org.redoubt.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.redoubt.health.api.ReadinessReport;

class ReadinessEvaluatorTest {

    private final ReadinessEvaluator evaluator = new ReadinessEvaluator();

    @Test
    void allActiveAndSatisfiedIsReady() {
        ReadinessReport report = evaluator.evaluate(
                List.of(active("a"), active("b"), new BundleView("frag", Bundle.RESOLVED, true, false, false)),
                Map.of(description("c1", "optional"), List.of(configuration(ComponentConfigurationDTO.ACTIVE)),
                        description("c2", "optional"), List.of(configuration(ComponentConfigurationDTO.SATISFIED))));
        assertTrue(report.ready(), report.waitingFor().toString());
        assertEquals(3, report.bundles());
        assertEquals(2, report.components());
    }

    @Test
    void resolvedBundleHoldsReadinessBackAndIsNamed() {
        ReadinessReport report = evaluator.evaluate(
                List.of(active("a"), new BundleView("org.redoubt.modem", Bundle.RESOLVED, false, false, false)), Map.of());
        assertFalse(report.ready());
        assertEquals(List.of("bundle org.redoubt.modem is RESOLVED (not started)"), report.waitingFor());
    }

    @Test
    void lazyBundleStartingIsFineButEagerStartingIsNot() {
        assertTrue(evaluator.evaluate(List.of(new BundleView("lazy", Bundle.STARTING, false, true, false)), Map.of()).ready());
        assertFalse(evaluator.evaluate(List.of(new BundleView("eager", Bundle.STARTING, false, false, false)), Map.of()).ready());
    }

    @Test
    void unresolvedFragmentHoldsReadinessBack() {
        ReadinessReport report = evaluator.evaluate(
                List.of(new BundleView("frag", Bundle.INSTALLED, true, false, false)), Map.of());
        assertEquals(List.of("fragment frag is INSTALLED (not resolved)"), report.waitingFor());
    }

    @Test
    void unsatisfiedReferenceIsReportedWithItsName() {
        ComponentConfigurationDTO waiting = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
        reference.name = "modem";
        reference.target = "(objectClass=org.redoubt.modem.Modem)";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {reference};
        ReadinessReport report = evaluator.evaluate(List.of(active("a")),
                Map.of(description("org.redoubt.Telephony", "optional"), List.of(waiting)));
        assertFalse(report.ready());
        assertEquals(1, report.waitingFor().size());
        String line = report.waitingFor().get(0);
        assertTrue(line.startsWith("component org.redoubt.Telephony of bundle a has unsatisfied references [modem"), line);
    }

    @Test
    void failedActivationShowsTheFirstLineOfTheFailure() {
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: no modem\n\tat x.y(Z.java:1)";
        ReadinessReport report = evaluator.evaluate(List.of(),
                Map.of(description("c", "optional"), List.of(failed)));
        assertEquals(List.of("component c of bundle a failed to activate: java.lang.IllegalStateException: no modem"),
                report.waitingFor());
    }

    @Test
    void requiredConfigurationMissingIsNotWaitedForButOptionalMissingIs() {
        Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new LinkedHashMap<>();
        components.put(description("needsConfig", "require"), List.of());
        assertTrue(evaluator.evaluate(List.of(), components).ready());
        components.put(description("optionalConfig", "optional"), List.of());
        ReadinessReport report = evaluator.evaluate(List.of(), components);
        assertEquals(List.of("component optionalConfig of bundle a has no configuration"), report.waitingFor());
        assertEquals(1, report.components());
    }

    @Test
    void activeBundleWhoseComponentsScrHasNotLoadedYetHoldsReadinessBack() {
        ReadinessReport report = evaluator.evaluate(
                List.of(new BundleView("org.redoubt.log.sink", Bundle.ACTIVE, false, false, true)), Map.of());
        assertEquals(List.of("bundle org.redoubt.log.sink has components SCR has not loaded yet"), report.waitingFor());
    }

    private static BundleView active(String name) {
        return new BundleView(name, Bundle.ACTIVE, false, false, false);
    }

    private static ComponentDescriptionDTO description(String name, String policy) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.configurationPolicy = policy;
        description.bundle = new BundleDTO();
        description.bundle.symbolicName = "a";
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        return configuration;
    }
}
