package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.display.internal.TestDisplays;
import org.redoubt.driver.radios.Radios;
import org.redoubt.driver.radios.internal.RadiosComponent;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.internal.TestChannels;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatorServer;
import org.redoubt.policy.PolicyState;
import org.redoubt.policy.PolicyStatus;
import org.redoubt.shell.internal.policy.PolicyStatusView;
import org.redoubt.shell.internal.screens.AboutScreen;
import org.redoubt.shell.internal.screens.CallLogScreen;
import org.redoubt.shell.internal.screens.CallScreen;
import org.redoubt.shell.internal.screens.ChangePinScreen;
import org.redoubt.shell.internal.screens.ContactEditScreen;
import org.redoubt.shell.internal.screens.ContactScreen;
import org.redoubt.shell.internal.screens.ContactsScreen;
import org.redoubt.shell.internal.screens.RadiosScreen;
import org.redoubt.shell.internal.screens.SettingsScreen;
import org.redoubt.shell.internal.screens.SimPinScreen;
import org.redoubt.shell.internal.screens.ComposeScreen;
import org.redoubt.shell.internal.screens.MessagesScreen;
import org.redoubt.shell.internal.screens.ThreadScreen;
import org.redoubt.shell.internal.screens.DialerScreen;
import org.redoubt.shell.internal.screens.HomeScreen;
import org.redoubt.shell.internal.screens.IncomingCallScreen;
import org.redoubt.shell.internal.screens.LockScreen;
import org.redoubt.shell.internal.screens.Screens;
import org.redoubt.shell.screen.Screen;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.MessageStore;
import org.redoubt.store.internal.TestStores;
import org.redoubt.telephony.internal.TelephonyComponent;
import org.redoubt.telephony.internal.TestTelephony;

/**
 * The shell as a handset runs it, outside the framework: the real telephony over the modem driver's
 * AT channel to the modem simulator, the real encrypted stores, the display driver's PNG backend,
 * and a keypad the test types on. The clock stands still, so frames are the same on every run.
 */
final class ShellRig implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final char[] HANDSET_PIN = "2468".toCharArray();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:41:00Z"), ZoneOffset.UTC);
    private static final Logger LOGGER = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("error") || System.getenv("SHELL_DEBUG") != null) {
                    System.err.println(method.getName() + " " + java.util.Arrays.toString(args));
                }
                return method.getReturnType() == boolean.class ? false : null;
            });

    final ModemSimulator simulator = new ModemSimulator();
    final SimulatorServer server;
    final AtChannel channel;
    final TelephonyComponent telephony;
    final TestStores stores;
    final HandsetLock lock;
    final MessageStore messages;
    final ScriptedKeypad keypad = new ScriptedKeypad();
    final Path screenDirectory;
    final RecordingDisplay display;
    /** The shell's clock: 09:41 until a test moves it on. */
    final TestClock clock = new TestClock(CLOCK.instant());
    /** The simulated radios driver, with a policy that disables Bluetooth. */
    final Radios radios;
    /** The policy agent's status: no policy until a test sets one with {@link #policyChanged}. */
    final TestPolicyStatus policyStatus = new TestPolicyStatus();
    /** What the shell binds of it, as the bundle's PolicyStatusView component does in the framework. */
    final PolicyStatusView policy = new PolicyStatusView(policyStatus);
    ShellComponent shell;

    /**
     * @param data     the handset's data directory
     * @param language {@code en} or {@code zh-CN}
     */
    ShellRig(Path data, String language) throws Exception {
        this(data, language, true);
    }

    /**
     * @param data     the handset's data directory
     * @param language {@code en} or {@code zh-CN}
     * @param withPin  whether the handset has its PIN already (else it is a first boot)
     */
    ShellRig(Path data, String language, boolean withPin) throws Exception {
        this(data, Map.of("language", language), withPin);
    }

    /**
     * @param data          the handset's data directory
     * @param configuration the shell's configuration (PID {@value ShellComponent#PID})
     * @param withPin       whether the handset has its PIN already (else it is a first boot)
     */
    ShellRig(Path data, Map<String, Object> configuration, boolean withPin) throws Exception {
        server = new SimulatorServer(simulator, 0);
        channel = TestChannels.tcp(server.port());
        stores = new TestStores(data);
        lock = stores.lock();
        if (withPin) {
            lock.setPin(HANDSET_PIN.clone());
            lock.lock();
        }
        messages = stores.messages();
        radios = new RadiosComponent(Converters.standardConverter().convert(Map.of("backend", "simulated",
                "disabled", new String[] {"BLUETOOTH"})).to(RadiosComponent.Config.class), LOGGER);
        screenDirectory = data.resolve("screen");
        display = new RecordingDisplay(TestDisplays.png(screenDirectory));
        telephony = TestTelephony.start(channel, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                ShellComponent current = shell;
                if (current != null) {
                    current.handleEvent(event);
                }
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        }, messages, stores.callLog());
        startShell(configuration);
    }

    /** Starts (or, after {@link #stopShell}, restarts) the shell bundle's components. */
    void startShell(String language) throws IOException {
        startShell(Map.of("language", language));
    }

    /** Starts (or restarts) the shell bundle's components with a configuration of PID {@value ShellComponent#PID}. */
    void startShell(Map<String, Object> configuration) throws IOException {
        ShellComponent next = new ShellComponent(Converters.standardConverter().convert(configuration)
                .to(ShellComponent.Config.class), LOGGER, clock);
        next.bindLock(lock);
        next.bindCalls(telephony);
        next.bindNetwork(telephony);
        next.bindSim(telephony);
        next.bindDisplay(display);
        next.bindKeypad(keypad);
        next.bindPolicy(policy);
        for (Map.Entry<String, Screen> screen : Map.<String, Screen>ofEntries(Map.entry(LockScreen.ID,
                new LockScreen(lock, policy)), Map.entry(Screens.HOME, new HomeScreen()),
                Map.entry(Screens.DIALER, new DialerScreen(telephony)),
                Map.entry(Screens.INCOMING, new IncomingCallScreen(telephony)),
                Map.entry(Screens.CALL, new CallScreen(telephony)), Map.entry(Screens.MESSAGES, new MessagesScreen(messages)),
                Map.entry(Screens.THREAD, new ThreadScreen(messages)), Map.entry(Screens.COMPOSE, new ComposeScreen(telephony)),
                Map.entry(Screens.CONTACTS, new ContactsScreen(stores.contacts(), telephony)),
                Map.entry(Screens.CONTACT, new ContactScreen(stores.contacts(), telephony)),
                Map.entry(Screens.CONTACT_EDIT, new ContactEditScreen(stores.contacts())),
                Map.entry(Screens.CALL_LOG, new CallLogScreen(stores.callLog(), telephony)),
                Map.entry(Screens.SETTINGS, new SettingsScreen()), Map.entry(Screens.RADIOS, new RadiosScreen(radios)), Map.entry(Screens.SIM_PIN, new SimPinScreen(telephony)), Map.entry(Screens.CHANGE_PIN, new ChangePinScreen(lock, policy)),
                Map.entry(Screens.ABOUT, new AboutScreen(Map.of("release", "7", "model", "redoubt-emulator", "device",
                        "test-handset"), policy)))
                .entrySet()) {
            next.bindScreen(screen.getValue(), Map.of(Screen.ID, screen.getKey()));
        }
        shell = next;
    }

    /** The agent enforces {@code next} and announces it on Event Admin, as the policy agent does. */
    void policyChanged(PolicyState next) {
        policyStatus.set(next);
        shell.handleEvent(new Event(PolicyStatus.CHANGED_TOPIC, Map.of()));
    }

    /** The shell bundle stops: its components go, telephony and the rest stay. */
    void stopShell() {
        ShellComponent current = shell;
        shell = null;
        current.unbindKeypad(keypad);
        current.deactivate();
    }

    /** @return the frame on screen once its texts satisfy {@code wanted}; fails after {@link #DEADLINE} */
    List<String> await(String what, Predicate<List<String>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            FrameRenderer.Frame frame = shell.shell().lastFrame();
            if (frame != null && wanted.test(frame.texts())) {
                return frame.texts();
            }
            assertTrue(System.nanoTime() < deadline, "no frame with " + what + "; last: "
                    + (frame == null ? "none" : frame.texts()));
            Thread.sleep(10);
        }
    }

    /** @return the frame once it shows {@code text} somewhere */
    List<String> awaitText(String text) throws InterruptedException {
        return await("'" + text + "'", texts -> texts.stream().anyMatch(t -> t.contains(text)));
    }

    /** Waits until {@code condition} holds; fails after {@link #DEADLINE}. */
    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }

    /** @return the PNG the display driver wrote for the frame on screen */
    Path screenshot() {
        return screenDirectory.resolve(TestDisplays.FILE);
    }

    @Override
    public void close() throws Exception {
        if (shell != null) {
            stopShell();
        }
        TestTelephony.stop(telephony);
        TestChannels.close(channel);
        server.close();
        stores.close();
    }
}
