package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

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
import org.redoubt.driver.display.Display;
import org.redoubt.driver.keypad.Keypad;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.power.Battery;
import org.redoubt.driver.radios.Radios;
import org.redoubt.itests.driverconsumer.DriverWatch;

/**
 * Drivers are updated and restarted under a running consumer component: it sees each service go
 * and come back, uses it again, and is never restarted itself. The gaps are printed (and are in
 * the issue note).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverHotSwapIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Inject
    private DriverWatch consumer;

    @Configuration
    public Option[] configuration() {
        List<Option> drivers = new ArrayList<>();
        for (String name : List.of("hardware", "radios-api", "radios", "power-api", "power", "keypad-api", "keypad",
                "display-api", "display", "modem-api", "modem", "modem-simulator", "driver-consumer")) {
            drivers.add(CoreOptions.bundle(TestPlatform.bundleUrl(name)));
        }
        // The hardware bundle configures the drivers for the emulator: the modem in-process to the simulator.
        drivers.add(CoreOptions.frameworkProperty("redoubt.device.model").value("redoubt-emulator"));
        drivers.add(CoreOptions.frameworkProperty("redoubt.data.dir")
                .value(TestPlatform.dataDirectory(DriverHotSwapIT.class).toString()));
        return TestPlatform.configuration(DriverHotSwapIT.class, composite(drivers.toArray(Option[]::new)));
    }

    @Test
    public void radiosSurviveUpdateAndRestart() throws Exception {
        swap("org.redoubt.driver.radios", Radios.class);
    }

    @Test
    public void batterySurvivesUpdateAndRestart() throws Exception {
        swap("org.redoubt.driver.power", Battery.class);
    }

    @Test
    public void keypadSurvivesUpdateAndRestart() throws Exception {
        swap("org.redoubt.driver.keypad", Keypad.class);
    }

    @Test
    public void displaySurvivesUpdateAndRestart() throws Exception {
        swap("org.redoubt.driver.display", Display.class);
    }

    @Test
    public void modemSurvivesUpdateAndRestart() throws Exception {
        swap("org.redoubt.driver.modem", AtChannel.class);
    }

    /** The modem itself going away and coming back (here the simulated one): the channel follows. */
    @Test
    public void theModemChannelFollowsTheModemThroughItsUpdateAndRestart() throws Exception {
        swap("org.redoubt.driver.modem.simulator", AtChannel.class);
    }

    private void swap(String symbolicName, Class<?> service) throws Exception {
        String name = service.getName();
        Bundle driver = Handset.installed(context, symbolicName);
        Await.until(name + " bound", DEADLINE, () -> consumer.bound(name) ? Optional.of(true) : Optional.empty());
        long activation = consumer.activation();

        int before = consumer.binds(name);
        driver.update();
        Await.until(name + " back after update", DEADLINE,
                () -> consumer.bound(name) && consumer.binds(name) > before ? Optional.of(true) : Optional.empty());
        long updateGap = consumer.lastGapNanos(name).orElseThrow();
        assertTrue(name + " works after the update", consumer.usedAfterRebind(name));

        int beforeRestart = consumer.binds(name);
        driver.stop();
        Await.until(name + " gone", DEADLINE, () -> consumer.bound(name) ? Optional.empty() : Optional.of(true));
        driver.start();
        Await.until(name + " back after restart", DEADLINE,
                () -> consumer.bound(name) && consumer.binds(name) > beforeRestart ? Optional.of(true) : Optional.empty());
        assertTrue(name + " works after the restart", consumer.usedAfterRebind(name));

        assertEquals("the consumer was never restarted", activation, consumer.activation());
        System.out.println(String.format(Locale.ROOT, "SERVICE GAP %s (%s) update %.1f ms", service.getSimpleName(),
                symbolicName, updateGap / 1e6));
    }

}
