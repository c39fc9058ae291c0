package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.Keypad;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.Sim;
import org.redoubt.telephony.SimState;

/**
 * The shell bundle updated during a call, in the framework with the real drivers (the keypad's
 * scripted input, the display's PNG backend), telephony over the simulated modem and the stores:
 * the call goes on, and the new shell comes up on the call screen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellHotSwapIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SCREEN_TOPIC = "org/redoubt/shell/SCREEN";

    @Inject
    private BundleContext context;
    @Inject
    private Sim sim;
    @Inject
    private CallControl calls;

    private final List<String> screens = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> handler;

    @Configuration
    public Option[] configuration() {
        List<Option> bundles = new ArrayList<>();
        bundles.add(TestPlatform.crypto(ShellHotSwapIT.class));
        for (String name : List.of("eventadmin", "h2-mvstore", "store-api", "store", "hardware", "modem-api", "modem",
                "modem-simulator", "display-api", "display", "keypad-api", "keypad", "power-api", "power", "radios-api", "radios", "sms",
                "telephony-api", "telephony", "shell-font")) {
            bundles.add(CoreOptions.bundle(TestPlatform.bundleUrl(name)));
        }
        // The shell is installed by the test, once it listens: it sees every screen the shell shows from the first.
        bundles.add(CoreOptions.frameworkProperty("redoubt.device.model").value("redoubt-emulator"));
        return TestPlatform.configuration(ShellHotSwapIT.class, composite(bundles.toArray(Option[]::new)));
    }

    @Before
    public void listen() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, SCREEN_TOPIC);
        handler = context.registerService(EventHandler.class, (Event event) -> screens.add((String) event.getProperty("screen")),
                properties);
    }

    @After
    public void stopListening() {
        handler.unregister();
    }

    @Test
    public void theCallGoesOnAndTheShellComesBackOnTheCallScreen() throws Exception {
        SimState state = Await.until("the SIM's state", DEADLINE,
                () -> sim.state() == SimState.UNKNOWN ? Optional.empty() : Optional.of(sim.state()));
        if (state == SimState.PIN_REQUIRED) {
            sim.enterPin("1234");
        }
        context.installBundle(TestPlatform.bundleUrl("shell")).start();
        awaitScreen("change-pin"); // a first boot: the handset has no PIN yet
        press(Key.DIGIT_2, Key.DIGIT_4, Key.DIGIT_6, Key.DIGIT_8, Key.OK, Key.DIGIT_2, Key.DIGIT_4, Key.DIGIT_6,
                Key.DIGIT_8, Key.OK);
        awaitScreen("home");

        press(Key.DIGIT_0); // on the home menu a digit opens the dialer
        awaitScreen("dialer");
        press(Key.DIGIT_3, Key.DIGIT_0, Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.CALL);
        awaitScreen("call");
        Handset.simulator(context, DEADLINE, "answer");
        Call active = Await.until("the call answered", DEADLINE,
                () -> calls.calls().stream().filter(call -> call.state() == CallState.ACTIVE).findFirst());

        screens.clear();
        long before = System.nanoTime();
        Handset.installed(context, "org.redoubt.shell").update();
        awaitScreen("call");
        System.out.printf("SHELL BACK ON THE CALL SCREEN %.1f ms after the update began%n",
                (System.nanoTime() - before) / 1e6);

        assertTrue("the call went on through the update", calls.calls().contains(active));
        press(Key.END);
        awaitScreen("home");
        assertEquals(List.of(), calls.calls().stream().filter(call -> call.state() != CallState.ENDED).toList());
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
