package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.redoubt.channel.FleetChannel;
import org.redoubt.health.api.Readiness;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.Keypad;
import org.redoubt.runtime.slots.ReleaseSlots;
import org.redoubt.runtime.slots.StagedBundle;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.Sim;
import org.redoubt.telephony.SimState;

/**
 * Issue 9: a driver and the shell updated during an active call through the real release agent.
 * The radios driver and the shell are release bundles (at the launcher's {@code redoubt:}
 * locations, from the launcher's real slots); release 2, the same jars as 0.1.1, signed by a
 * release key made for this run, reaches the handset over a real Mosquitto on the shipped
 * configuration as the fleet tool publishes it. The agent fetches, stages, converges the framework,
 * runs the health window (readiness, checks, an MQTT round trip) and commits; the call placed over
 * the real telephony and the simulated modem goes on, and the new shell comes back on the call
 * screen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveReleaseDuringCallIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The agent's own budget: download, staging, convergence and a 30 s health window. */
    private static final Duration RELEASE_DEADLINE = Duration.ofSeconds(90);
    private static final String SCREEN_TOPIC = "org/redoubt/shell/SCREEN";
    private static final String MODEL = "redoubt-emulator";
    private static final String AGENT = "org.redoubt.release.agent";
    private static final String RADIOS = "org.redoubt.driver.radios";
    private static final String SHELL = "org.redoubt.shell";
    /** By name: the class literal would load it in the probe (see {@link Outside}). */
    private static final String FLEET = "org.redoubt.itests.framework.FleetOutside";

    @Inject
    private BundleContext context;

    private final List<String> screens = new CopyOnWriteArrayList<>();
    private final List<String> agentLog = new CopyOnWriteArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private LogReaderService logReader;
    private LogListener logListener;
    private Outside fleet;

    @Configuration
    public Option[] configuration() throws Exception {
        // The fleet and the launcher's slots are made before the framework starts, as the handset is provisioned
        // before it boots: the policy agent reads the trust root at its start. Outside the framework's working
        // directory, which Pax Exam cleans when the framework starts.
        Path work = clean(TestPlatform.workDirectory(LiveReleaseDuringCallIT.class)
                .resolveSibling("LiveReleaseDuringCallIT-fleet"));
        Outside fleet = Outside.ofStatic(FLEET, "start", work, TestPlatform.DEVICE_ID, MODEL,
                Map.of("radios.jar", jar("radios"), "shell.jar", jar("shell")));
        List<Option> bundles = new ArrayList<>();
        bundles.add(TestPlatform.crypto(LiveReleaseDuringCallIT.class));
        // As ShellHotSwapIT, without the radios driver and the shell: they are release bundles here, installed
        // from the launcher's slot. Plus the fleet channel's API and the release agent.
        for (String name : List.of("eventadmin", "h2-mvstore", "store-api", "store", "hardware", "modem-api", "modem",
                "modem-simulator", "display-api", "display", "keypad-api", "keypad", "power-api", "power", "radios-api",
                "sms", "telephony-api", "telephony", "shell-font", "policy-api", "policy-agent", "release-agent")) {
            bundles.add(CoreOptions.bundle(TestPlatform.bundleUrl(name)));
        }
        // The launcher's slots API comes from the class path through the system bundle, as beside the real launcher.
        bundles.add(CoreOptions.systemPackage("org.redoubt.runtime.slots;version=\"1.1.0\""));
        bundles.add(CoreOptions.frameworkProperty("redoubt.device.model").value(MODEL));
        // The policy agent runs (the shell's policy screen needs its PolicyStatus, or the handset is never ready) with
        // the fleet's root and no broker: the handset's session here is the test's (OutsideFleetChannel).
        bundles.add(CoreOptions.frameworkProperty("redoubt.trust.root").value(fleet.<String>call("trustRoot")));
        return TestPlatform.configuration(LiveReleaseDuringCallIT.class, composite(bundles.toArray(Option[]::new)));
    }

    @Before
    public void listen() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, SCREEN_TOPIC);
        registrations.add(context.registerService(EventHandler.class,
                (Event event) -> screens.add((String) event.getProperty("screen")), properties));
        // The agent says what it does at INFO; the platform logs WARN and up. Raise its bundle to INFO and keep its lines.
        LoggerAdmin admin = context.getService(Await.service(context, LoggerAdmin.class, "(service.id=*)", DEADLINE));
        admin.getLoggerContext(AGENT).setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.INFO));
        logReader = context.getService(Await.service(context, LogReaderService.class, "(service.id=*)", DEADLINE));
        logListener = (LogEntry entry) -> {
            if (AGENT.equals(entry.getBundle().getSymbolicName())) {
                agentLog.add(entry.getLogLevel() + " " + entry.getMessage());
            }
        };
        logReader.addLogListener(logListener);
    }

    @After
    public void stop() throws Exception {
        // The fleet channel and the slots go first: the agent stops before the broker does.
        for (ServiceRegistration<?> registration : registrations) {
            registration.unregister();
        }
        if (logReader != null) {
            logReader.removeLogListener(logListener);
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    public void aDriverAndTheShellAreReleasedLiveDuringACallWhichGoesOnAndTheReleaseCommits() throws Exception {
        Path radiosJar = jar("radios");
        Path shellJar = jar("shell");
        fleet = Outside.ofStatic(FLEET, "current");

        // The launcher's slots, as the launcher registers them. Its resolver hook is NOT registered: it admits only
        // the release's bundles, and would keep Pax Exam's own bundles (the probe among them) from resolving.
        ReleaseSlots slots = fleet.call("slots");
        registrations.add(context.registerService(ReleaseSlots.class, slots, null));
        assertEquals(1, slots.committedRelease());

        // Release 1 booted as the launcher does: each bundle at its redoubt: location and its tier's start level,
        // in start-level order; the SIM PIN is entered before the shell comes up, as in ShellHotSwapIT.
        List<StagedBundle> release1 = slots.running().bundles().stream()
                .sorted(Comparator.comparingInt(StagedBundle::startLevel)).toList();
        assertEquals(List.of(RADIOS, SHELL), release1.stream().map(StagedBundle::symbolicName).toList());
        for (StagedBundle bundle : release1) {
            if (bundle.symbolicName().equals(SHELL)) {
                enterSimPin();
            }
            Bundle installed = context.installBundle(bundle.location(), new ByteArrayInputStream(bundle.content().read()));
            installed.adapt(BundleStartLevel.class).setStartLevel(bundle.startLevel());
            installed.start(Bundle.START_ACTIVATION_POLICY);
        }

        registrations.add(context.registerService(FleetChannel.class, new OutsideFleetChannel(fleet), null));
        Await.until("the release agent started (its log: " + agentLog + ")", DEADLINE,
                () -> agentLog.stream().filter(line -> line.contains("release agent started")).findFirst());

        // The call, as in ShellHotSwapIT.
        awaitScreen("change-pin"); // a first boot: the handset has no PIN yet
        press(Key.DIGIT_2, Key.DIGIT_4, Key.DIGIT_6, Key.DIGIT_8, Key.OK, Key.DIGIT_2, Key.DIGIT_4, Key.DIGIT_6,
                Key.DIGIT_8, Key.OK);
        awaitScreen("home");
        press(Key.DIGIT_0);
        awaitScreen("dialer");
        press(Key.DIGIT_3, Key.DIGIT_0, Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.CALL);
        awaitScreen("call");
        Handset.simulator(context, DEADLINE, "answer");
        CallControl calls = service(CallControl.class);
        Call active = Await.until("the call answered", DEADLINE,
                () -> calls.calls().stream().filter(call -> call.state() == CallState.ACTIVE).findFirst());
        // The handset is ready before the release: the health window below has something to keep.
        Await.service(context, Readiness.class, "(" + Readiness.READY_PROPERTY + "=true)", DEADLINE);
        Bundle shellBefore = context.getBundle("redoubt:" + SHELL);
        long radiosBefore = context.getBundle("redoubt:" + RADIOS).getBundleId();

        // Release 2, published as the fleet tool does, during the call.
        screens.clear();
        long before = System.nanoTime();
        String envelope = fleet.call("publishRelease", 2L, Map.of("radios.jar", radiosJar, "shell.jar", shellJar), "0.1.1");
        List<String> acks = fleet.call("acksUntilFinal", envelope, RELEASE_DEADLINE);
        double millis = (System.nanoTime() - before) / 1e6;
        List<String> results = new ArrayList<>();
        for (String ack : acks) {
            results.add(fleet.call("result", ack));
        }
        String last = results.get(results.size() - 1);
        assertEquals("the release ended " + last + "; acks " + acks + "; the agent said " + agentLog, "COMMITTED", last);
        System.out.printf("RELEASE 2 COMMITTED %.1f ms after it was published, during the call; acks %s%n", millis, acks);
        assertEquals(List.of("DOWNLOAD_STARTED", "DOWNLOADED", "VERIFIED", "INSTALLING", "TESTING", "COMMITTED"),
                results.stream().filter(result -> !result.equals("DOWNLOADING")).toList());
        assertEquals(2, slots.committedRelease());

        // The framework runs release 2: the same bundles, updated in place at their launcher locations.
        for (String name : List.of(RADIOS, SHELL)) {
            Bundle bundle = context.getBundle("redoubt:" + name);
            assertNotNull(name + " at its redoubt: location", bundle);
            assertEquals(name, bundle.getSymbolicName());
            assertEquals(name + " version", "0.1.1", bundle.getVersion().toString());
            assertEquals(name + " active", Bundle.ACTIVE, bundle.getState());
        }
        assertEquals("the shell updated, not reinstalled", shellBefore.getBundleId(),
                context.getBundle("redoubt:" + SHELL).getBundleId());
        assertEquals("the driver updated, not reinstalled", radiosBefore, context.getBundle("redoubt:" + RADIOS).getBundleId());

        // The call survived: the same call, still active, and the new shell shows it.
        assertTrue("the call went on through the release: " + calls.calls(), calls.calls().contains(active));
        assertEquals(CallState.ACTIVE, active.state());
        awaitScreen("call");
        System.out.printf("SHELL 0.1.1 ON THE CALL SCREEN; screens since the publish: %s%n", screens);

        press(Key.END);
        awaitScreen("home");
        assertEquals(List.of(), calls.calls().stream().filter(call -> call.state() != CallState.ENDED).toList());
    }

    private void enterSimPin() throws Exception {
        Sim sim = service(Sim.class);
        SimState state = Await.until("the SIM's state", DEADLINE,
                () -> sim.state() == SimState.UNKNOWN ? Optional.empty() : Optional.of(sim.state()));
        if (state == SimState.PIN_REQUIRED) {
            sim.enterPin("1234");
        }
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        return context.getService(Await.service(context, type, "(service.id=*)", DEADLINE));
    }

    private static Path jar(String name) {
        return Path.of(java.net.URI.create(TestPlatform.bundleUrl(name)));
    }

    private static Path clean(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private void awaitScreen(String screen) throws InterruptedException {
        Await.until("the shell on screen " + screen + " (screens so far: " + screens + ")", DEADLINE,
                () -> !screens.isEmpty() && screens.get(screens.size() - 1).equals(screen) ? Optional.of(true)
                        : Optional.empty());
    }

    /** Presses keys through the keypad driver's scripted input (its simulated backend). */
    private void press(Key... keys) throws Exception {
        ServiceReference<Keypad> reference = Await.service(context, Keypad.class, "(service.id=*)", DEADLINE);
        Object keypad = context.getService(reference);
        try {
            Method press = keypad.getClass().getMethod("press", Key.class);
            for (Key key : keys) {
                press.invoke(keypad, key);
            }
        } finally {
            context.ungetService(reference);
        }
    }
}
