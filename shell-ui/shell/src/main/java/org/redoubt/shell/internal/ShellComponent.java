package org.redoubt.shell.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;
import org.redoubt.driver.power.Battery;
import org.redoubt.driver.power.BatteryListener;
import org.redoubt.driver.power.BatteryState;
import org.redoubt.policy.PolicyStatus;
import org.redoubt.shell.font.HandsetFont;
import org.redoubt.shell.internal.policy.PolicyView;
import org.redoubt.shell.screen.Screen;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.LockState;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.Network;
import org.redoubt.telephony.NetworkStatus;
import org.redoubt.telephony.Sim;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.TelephonyEvents;

/**
 * The shell in the framework (PID {@value #PID}): draws through whichever {@link Display} is there,
 * takes keys from whichever {@link Keypad} is there, shows the {@link Screen}s registered, and
 * follows telephony's events. Every one of these may come and go (hot swap); the shell stays.
 *
 * <p>The status bar shows the policy in force ({@link PolicyView}, there while the policy agent is)
 * and draws again when the agent announces a change ({@link PolicyStatus#CHANGED_TOPIC}).
 */
@Component(service = EventHandler.class, immediate = true, configurationPid = ShellComponent.PID,
        property = {EventConstants.EVENT_TOPIC + "=org/redoubt/telephony/*",
                EventConstants.EVENT_TOPIC + "=" + PolicyStatus.CHANGED_TOPIC})
@Designate(ocd = ShellComponent.Config.class)
public final class ShellComponent implements EventHandler {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.shell";
    /** Event Admin topic: the screen on top changed; property {@value #SCREEN} names it. No content of the screen. */
    public static final String SCREEN_TOPIC = "org/redoubt/shell/SCREEN";
    /** The screen's name. */
    public static final String SCREEN = "screen";

    /** The shell's settings. */
    @ObjectClassDefinition(id = PID, name = "Redoubt shell")
    public @interface Config {
        /** @return {@code en} or {@code zh-CN} */
        String language() default "en";

        /**
         * @return seconds without a key press before the shell locks the handset (never during a
         *         call); 0 = never (policy lock.maxInactivity)
         */
        long lockAfterSeconds() default 0;
    }

    private final Shell shell;
    private final KeyListener keys;
    private final BatteryListener batteryListener;
    private volatile Display display;
    private volatile Network network;
    private volatile Battery battery;
    private volatile HandsetLock lock;
    private volatile CallControl calls;
    private volatile Sim sim;
    private volatile ConfigurationAdmin configurations;
    private volatile EventAdmin events;
    private volatile PolicyView policy;
    private final Logger logger;

    /**
     * @param config the language
     * @param logger what goes wrong
     */
    @Activate
    public ShellComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) {
        this(config, logger, Clock.systemDefaultZone());
    }

    ShellComponent(Config config, Logger logger, Clock clock) {
        this.logger = logger;
        shell = new Shell(() -> theme(logger), Display.DEFAULT_WIDTH, Display.DEFAULT_HEIGHT, Texts.of(config.language()),
                new Shell.Sources(() -> display, this::status, this::currentCalls, this::locked, this::lockNow,
                        this::keepLanguage, this::announce, this::askForSimPin, this::pinChangeRequired), clock, logger);
        shell.lockAfter(lockAfter(config));
        keys = shell::key;
        batteryListener = (previous, current) -> shell.refresh();
    }

    /**
     * @return the look with the handset's typeface; without it (a broken font bundle) the JDK's own
     *         font, which may lack Chinese, so that the handset stays usable
     */
    private static Theme theme(Logger logger) {
        try {
            return Theme.of(HandsetFont.load());
        } catch (IOException e) {
            logger.error("The handset font cannot be loaded; drawing with the JDK's font", e);
            return Theme.of(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 1));
        }
    }

    /** @param config the language (changed in settings or by an engineer) and the idle lock (by the policy) */
    @Modified
    void modified(Config config) {
        shell.language(Texts.of(config.language()));
        shell.lockAfter(lockAfter(config));
    }

    /** @return the idle time before the handset locks; a negative setting is an error, read as never */
    private Duration lockAfter(Config config) {
        long seconds = config.lockAfterSeconds();
        if (seconds < 0) {
            logger.error("configuration error in {}: lockAfterSeconds {} is negative; the handset does not lock by"
                    + " itself", PID, seconds);
            return Duration.ZERO;
        }
        return Duration.ofSeconds(seconds);
    }

    Shell shell() {
        return shell;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDisplay(Display next) {
        display = next;
        shell.refresh();
    }

    void unbindDisplay(Display gone) {
        if (display == gone) {
            display = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindKeypad(Keypad keypad) {
        keypad.addListener(keys);
    }

    void unbindKeypad(Keypad keypad) {
        keypad.removeListener(keys);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindScreen(Screen screen, Map<String, Object> properties) {
        Object id = properties.get(Screen.ID);
        if (id instanceof String name) {
            shell.screenAdded(name, screen);
        }
    }

    void unbindScreen(Screen screen, Map<String, Object> properties) {
        Object id = properties.get(Screen.ID);
        if (id instanceof String name) {
            shell.screenRemoved(name, screen);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindNetwork(Network next) {
        network = next;
        shell.refresh();
    }

    void unbindNetwork(Network gone) {
        if (network == gone) {
            network = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBattery(Battery next) {
        next.addListener(batteryListener);
        battery = next;
        shell.refresh();
    }

    void unbindBattery(Battery gone) {
        gone.removeListener(batteryListener);
        if (battery == gone) {
            battery = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLock(HandsetLock next) {
        lock = next;
        shell.lockChanged();
        if (next.state() == LockState.NO_PIN) {
            shell.offer("change-pin"); // first boot: without a PIN nothing can be sealed, received SMS wait
        }
    }

    void unbindLock(HandsetLock gone) {
        if (lock == gone) {
            lock = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCalls(CallControl next) {
        calls = next;
        shell.callsUpdated();
    }

    void unbindCalls(CallControl gone) {
        if (calls == gone) {
            calls = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConfigurations(ConfigurationAdmin next) {
        configurations = next;
    }

    void unbindConfigurations(ConfigurationAdmin gone) {
        if (configurations == gone) {
            configurations = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(EventAdmin next) {
        events = next;
    }

    void unbindEvents(EventAdmin gone) {
        if (events == gone) {
            events = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPolicy(PolicyView next) {
        policy = next;
        shell.refresh();
    }

    void unbindPolicy(PolicyView gone) {
        if (policy == gone) {
            policy = null;
            shell.refresh();
        }
    }

    /** Tells whoever listens (diagnostics, tests) which screen is on top now. */
    private void announce(String screen) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(SCREEN_TOPIC, Map.of(SCREEN, screen)));
        }
    }

    /** Keeps the language the user chose in the shell's configuration, so it survives a restart. */
    private void keepLanguage(String language) {
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            return;
        }
        try {
            Configuration configuration = admin.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            Hashtable<String, Object> next = new Hashtable<>();
            if (properties != null) {
                for (String key : Collections.list(properties.keys())) {
                    next.put(key, properties.get(key));
                }
            }
            next.put("language", language);
            configuration.updateIfDifferent(next);
        } catch (IOException e) {
            logger.warn("The language could not be kept: {}", e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSim(Sim next) {
        sim = next;
        askForSimPin();
    }

    void unbindSim(Sim gone) {
        if (sim == gone) {
            sim = null;
        }
    }

    /** Opens the SIM PIN screen when the SIM wants its PIN or PUK (and the handset is unlocked). */
    private void askForSimPin() {
        Sim current = sim;
        if (current != null && (current.state() == SimState.PIN_REQUIRED || current.state() == SimState.PUK_REQUIRED)) {
            shell.offer("sim-pin");
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(TelephonyEvents.SIM)) {
            askForSimPin();
        }
        if (event.getTopic().equals(TelephonyEvents.CALL)) {
            shell.callsUpdated();
        } else if (event.getTopic().equals(TelephonyEvents.SMS_RECEIVED)) {
            shell.changed(shell.texts().text("sms.received", String.valueOf(event.getProperty(TelephonyEvents.NUMBER))));
        } else {
            shell.changed(null); // the network, the SIM, the policy in force: the status bar and the screen on top
        }
    }

    @Deactivate
    void deactivate() {
        shell.close();
    }

    private HandsetStatus status() {
        Network currentNetwork = network;
        NetworkStatus net = currentNetwork == null ? NetworkStatus.UNKNOWN : currentNetwork.status();
        Battery currentBattery = battery;
        BatteryState power = currentBattery == null ? null : currentBattery.state();
        PolicyView currentPolicy = policy;
        return new HandsetStatus(net.operator(), net.bars(), net.registered(), power == null ? -1 : power.level(),
                power != null && power.charging() == BatteryState.Charging.CHARGING, locked(),
                currentPolicy == null ? Optional.empty() : currentPolicy.standing());
    }

    private List<Call> currentCalls() {
        CallControl current = calls;
        return current == null ? List.of() : current.calls();
    }

    private boolean locked() {
        HandsetLock current = lock;
        return current != null && current.state() == LockState.LOCKED;
    }

    private boolean pinChangeRequired() {
        HandsetLock current = lock;
        return current != null && current.state() == LockState.UNLOCKED && current.pinChangeRequired();
    }

    private void lockNow() {
        HandsetLock current = lock;
        if (current != null && current.state() == LockState.UNLOCKED) {
            current.lock();
        }
    }
}
