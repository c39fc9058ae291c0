package org.redoubt.itests.framework;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.redoubt.health.api.Readiness;
import org.redoubt.health.api.ReadinessReport;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * The platform bundles boot in Felix: all active, the release declares itself ready, the readiness
 * report agrees with the framework, and the JSON package is usable by other bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformBootIT {

    private static final String READY = "(" + Readiness.READY_PROPERTY + "=true)";

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] configuration() {
        return TestPlatform.configuration(PlatformBootIT.class);
    }

    @Test
    public void everyInstalledBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        // A fragment never becomes ACTIVE (readiness accepts it RESOLVED); the platform has none yet.
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE && !isFragment(bundle)) {
                notActive.add(bundle.getSymbolicName() + " " + bundleStateName(bundle.getState()));
            }
        }
        assertEquals("bundles not ACTIVE", List.of(), notActive);
        for (String symbolicName : List.of("org.redoubt.json", "org.redoubt.health.api", "org.redoubt.health",
                "org.redoubt.log.sink", "org.apache.felix.scr", "org.apache.felix.configadmin",
                "org.apache.felix.log")) {
            assertTrue(symbolicName + " is not installed", installed(symbolicName));
        }
    }

    @Test
    public void readinessBecomesTrueWithinTheDeadline() throws InterruptedException {
        ServiceReference<Readiness> ready = Await.service(context, Readiness.class, READY, Await.PLATFORM);

        assertEquals(Boolean.TRUE, ready.getProperty(Readiness.READY_PROPERTY));
        assertArrayEquals(new String[0], (String[]) ready.getProperty(Readiness.WAITING_PROPERTY));
        assertEquals("the Readiness service comes from the health bundle", "org.redoubt.health",
                ready.getBundle().getSymbolicName());
    }

    @Test
    public void reportAgreesWithTheFramework() throws InterruptedException {
        // Readiness re-evaluates on bundle events, asynchronously: wait until its published state
        // includes every bundle now installed (the test probe is installed last).
        int bundles = context.getBundles().length - 1;
        ServiceReference<Readiness> ready = Await.service(context, Readiness.class,
                "(&" + READY + "(" + Readiness.BUNDLES_PROPERTY + "=" + bundles + "))", Await.PLATFORM);
        Readiness readiness = context.getService(ready);
        try {
            ReadinessReport report = readiness.report();

            assertEquals("waiting for", List.of(), report.waitingFor());
            assertTrue(report.ready());
            assertEquals("bundles, system bundle excluded", bundles, report.bundles());
            List<String> configurations = componentConfigurations();
            assertEquals("component configurations known to SCR: " + configurations, configurations.size(),
                    report.components());
            assertTrue(configurations.toString(),
                    configurations.contains("org.redoubt.health.internal.ReadinessMonitor=ACTIVE"));
            assertTrue(configurations.toString(),
                    configurations.contains("org.redoubt.log.sink.internal.LogSinkComponent=ACTIVE"));
            assertEquals(report.bundles(), ready.getProperty(Readiness.BUNDLES_PROPERTY));
            assertEquals(report.components(), ready.getProperty(Readiness.COMPONENTS_PROPERTY));
        } finally {
            context.ungetService(ready);
        }
    }

    @Test
    public void jsonPackageIsUsableInTheFramework() throws JsonException {
        assertEquals("JsonParser must come from the json bundle, not from the test class path",
                "org.redoubt.json", FrameworkUtil.getBundle(JsonParser.class).getSymbolicName());

        JsonObject policy = JsonParser.parseObject(
                "{\"type\":\"policy\",\"version\":7,\"radios\":{\"wifi\":\"disabled\",\"nfc\":\"allowed\"}}",
                JsonLimits.DEFAULT);

        assertEquals("policy", policy.requireString("type"));
        assertEquals(7L, policy.requireLong("version"));
        assertEquals("disabled", policy.requireObject("radios").requireString("wifi"));
        assertFalse(policy.has("bluetooth"));
        try {
            JsonParser.parseObject("{\"version\":1,\"version\":2}", JsonLimits.DEFAULT);
            fail("a duplicate member must be rejected");
        } catch (JsonException expected) {
            assertEquals(JsonException.Reason.DUPLICATE_KEY, expected.reason());
        }
    }

    /**
     * @return one entry per configuration of every enabled component, "name=state", as
     *         readiness counts them
     */
    private List<String> componentConfigurations() {
        List<String> configurations = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (scr.isComponentEnabled(description)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    configurations.add(description.name + "=" + stateName(configuration.state));
                }
            }
        }
        return configurations;
    }

    private static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "state " + state;
        };
    }

    private boolean installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    private static String bundleStateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
