package org.redoubt.telephony.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallLog;
import org.redoubt.store.MessageStore;
import org.redoubt.store.StoreException;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.Network;
import org.redoubt.telephony.NetworkStatus;
import org.redoubt.telephony.NetworkTime;
import org.redoubt.telephony.Sim;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.Sms;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.Ussd;

/**
 * The telephony services over whichever {@link AtChannel} the modem driver publishes (PID
 * {@value #PID} for emergency numbers, restrictions and data roaming; a new configuration is taken without a
 * restart, so a new policy never ends a call). The channel may come and go (driver restart, modem
 * reset): the services stay, answer {@code NO_MODEM} meanwhile, and pick the modem up again by
 * themselves. Ended calls are written to the {@link CallLog} when one is there. Immediate:
 * telephony keeps the modem set up whether or not anyone uses its services yet.
 */
@Component(service = {Network.class, Sim.class, CallControl.class, Sms.class, Ussd.class, NetworkTime.class},
        immediate = true,
        configurationPid = TelephonyComponent.PID)
@Designate(ocd = TelephonyComponent.Config.class)
public final class TelephonyComponent implements Network, Sim, CallControl, Sms, Ussd, NetworkTime {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.telephony";

    /** Emergency numbers and restriction patterns ({@code *} any digits, {@code ?} one). */
    @ObjectClassDefinition(id = PID, name = "Redoubt telephony")
    public @interface Config {
        /** @return always dialable, also locked or restricted */
        String[] emergencyNumbers() default {"112", "911", "110", "119", "120", "122"};

        /** @return when not empty, outgoing calls only to these */
        String[] outgoingCallsAllow() default {};

        /** @return outgoing calls never to these */
        String[] outgoingCallsDeny() default {};

        /** @return when not empty, incoming calls only from these */
        String[] incomingCallsAllow() default {};

        /** @return incoming calls from these are rejected */
        String[] incomingCallsDeny() default {};

        /** @return when not empty, SMS only to these */
        String[] outgoingSmsAllow() default {};

        /** @return SMS never to these */
        String[] outgoingSmsDeny() default {};

        /** @return when not empty, SMS only from these are kept */
        String[] incomingSmsAllow() default {};

        /** @return SMS from these are dropped */
        String[] incomingSmsDeny() default {};

        /** @return how outgoingCalls* are read: "" (allow-list when not empty, deny-list always), ALLOW_ALL, ALLOWLIST, DENYLIST */
        String outgoingCallsMode() default "";

        /** @return how incomingCalls* are read */
        String incomingCallsMode() default "";

        /** @return how outgoingSms* are read */
        String outgoingSmsMode() default "";

        /** @return how incomingSms* are read */
        String incomingSmsMode() default "";

        /** @return only emergency numbers may be dialed and no SMS sent; what comes in is not affected */
        boolean emergencyOnly() default false;

        /** @return how long a concatenated SMS waits for a missing part before it is kept without it */
        long smsPartTimeoutSeconds() default 3600;

        /**
         * @return whether mobile data may be used while roaming (policy {@code dataRoaming}); when
         *         false, the packet-domain service is detached while the modem is registered roaming
         */
        boolean dataRoaming() default true;
    }

    private final TelephonyEngine engine;
    private final Restrictions restrictions;
    private volatile EventAdmin eventAdmin;
    private volatile CallLog callLog;
    private volatile MessageStore messageStore;
    private final Logger logger;

    /**
     * @param config the emergency numbers and restrictions
     * @param logger what happens, never a PIN or message text
     */
    @Activate
    public TelephonyComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) {
        this(config, logger, TelephonyEngine.WATCHDOG_PERIOD);
    }

    /**
     * @param config         the emergency numbers and restrictions
     * @param logger         what happens
     * @param watchdogPeriod how often the modem is checked for a reset
     */
    TelephonyComponent(Config config, Logger logger, Duration watchdogPeriod) {
        this.logger = logger;
        if (config.smsPartTimeoutSeconds() < 0) {
            throw new IllegalArgumentException("smsPartTimeoutSeconds must not be negative");
        }
        this.restrictions = restrictions(config);
        this.engine = new TelephonyEngine(this::post, restrictions, this::logCall, () -> messageStore,
                Clock.systemUTC(), logger, watchdogPeriod, Duration.ofSeconds(config.smsPartTimeoutSeconds()),
                config.dataRoaming());
        logDataRoaming(config.dataRoaming());
    }

    private Restrictions restrictions(Config config) {
        return new Restrictions(settings(config));
    }

    /**
     * Takes a new configuration without a restart, so that a new policy never ends a call: the
     * emergency numbers and restrictions hold for every call and SMS checked from now on, and
     * {@code dataRoaming} at once (mobile data is detached or attached again while calls go on).
     * {@code smsPartTimeoutSeconds} is read at activation only.
     *
     * @param config the new configuration
     * @throws IllegalArgumentException for a malformed pattern; the restrictions before stay, and so
     *                                  does {@code dataRoaming}
     */
    @Modified
    void modified(Config config) {
        restrictions.update(settings(config));
        logDataRoaming(config.dataRoaming());
        engine.dataRoaming(config.dataRoaming());
    }

    private void logDataRoaming(boolean allowed) {
        logger.info("data roaming {}", allowed ? "allowed" : "not allowed: mobile data is detached while roaming");
    }

    private Restrictions.Settings settings(Config config) {
        Map<Restrictions.Direction, Restrictions.Rule> rules = new EnumMap<>(Restrictions.Direction.class);
        rules.put(Restrictions.Direction.OUTGOING_CALL, rule("outgoingCallsMode", config.outgoingCallsMode(),
                config.outgoingCallsAllow(), config.outgoingCallsDeny()));
        rules.put(Restrictions.Direction.INCOMING_CALL, rule("incomingCallsMode", config.incomingCallsMode(),
                config.incomingCallsAllow(), config.incomingCallsDeny()));
        rules.put(Restrictions.Direction.OUTGOING_SMS, rule("outgoingSmsMode", config.outgoingSmsMode(),
                config.outgoingSmsAllow(), config.outgoingSmsDeny()));
        rules.put(Restrictions.Direction.INCOMING_SMS, rule("incomingSmsMode", config.incomingSmsMode(),
                config.incomingSmsAllow(), config.incomingSmsDeny()));
        if (config.emergencyOnly()) {
            logger.info("emergency calls only: other calls and every outgoing SMS are refused");
        }
        return new Restrictions.Settings(Set.of(config.emergencyNumbers()), rules, config.emergencyOnly());
    }

    private Restrictions.Rule rule(String property, String mode, String[] allow, String[] deny) {
        Restrictions.Mode read = Restrictions.Mode.of(mode,
                error -> logger.error("configuration error in {}: {} {}", PID, property, error));
        return new Restrictions.Rule(read, Restrictions.compile(allow), Restrictions.compile(deny));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindModem(AtChannel channel) {
        engine.attach(channel);
    }

    void unbindModem(AtChannel channel) {
        engine.detach(channel);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    void unbindEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCallLog(CallLog log) {
        callLog = log;
    }

    void unbindCallLog(CallLog log) {
        if (callLog == log) {
            callLog = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMessageStore(MessageStore store) {
        messageStore = store;
        engine.messageStoreArrived();
    }

    void unbindMessageStore(MessageStore store) {
        if (messageStore == store) {
            messageStore = null;
        }
    }

    @Deactivate
    void deactivate() {
        engine.close();
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    private void logCall(Call call, boolean connected, Instant start, Duration connectedFor) {
        CallLog log = callLog;
        if (log == null || call.number().isEmpty()) {
            return;
        }
        CallKind kind = !call.incoming() ? CallKind.OUTGOING : connected ? CallKind.INCOMING : CallKind.MISSED;
        try {
            log.log(call.number(), kind, start, connectedFor);
        } catch (StoreException e) {
            logger.warn("The call could not be logged: {}", e.reason());
        }
    }

    @Override
    public NetworkStatus status() {
        return engine.network().status();
    }

    @Override
    public SimState state() {
        return engine.sim().state();
    }

    @Override
    public void enterPin(String pin) throws TelephonyException {
        engine.call(() -> {
            engine.sim().enterPin(pin);
            engine.network().refresh();
            engine.inbox().scan(); // the SIM's messages can be read now
            return null;
        });
    }

    @Override
    public void unblock(String puk, String newPin) throws TelephonyException {
        engine.call(() -> {
            engine.sim().unblock(puk, newPin);
            engine.inbox().scan();
            return null;
        });
    }

    @Override
    public void changePin(String oldPin, String newPin) throws TelephonyException {
        engine.call(() -> {
            engine.sim().changePin(oldPin, newPin);
            return null;
        });
    }

    @Override
    public void requirePin(boolean required, String pin) throws TelephonyException {
        engine.call(() -> {
            engine.sim().requirePin(required, pin);
            return null;
        });
    }

    @Override
    public List<Call> calls() {
        return engine.calls().calls();
    }

    @Override
    public boolean isEmergency(String number) {
        return number != null && restrictions.isEmergency(number);
    }

    @Override
    public Call dial(String number) throws TelephonyException {
        return engine.call(() -> {
            Call call = engine.calls().dial(number);
            engine.pollCallsIfNeeded();
            return call;
        });
    }

    @Override
    public void answer() throws TelephonyException {
        callOperation(engine.calls()::answer);
    }

    @Override
    public void reject() throws TelephonyException {
        callOperation(engine.calls()::reject);
    }

    @Override
    public void hangUp(int id) throws TelephonyException {
        callOperation(() -> engine.calls().hangUp(id));
    }

    @Override
    public void hangUpAll() throws TelephonyException {
        callOperation(engine.calls()::hangUpAll);
    }

    @Override
    public void mute(boolean muted) throws TelephonyException {
        callOperation(() -> engine.calls().mute(muted));
    }

    @Override
    public boolean muted() {
        return engine.calls().muted();
    }

    @Override
    public void holdAndSwap() throws TelephonyException {
        callOperation(engine.calls()::holdAndSwap);
    }

    @Override
    public void endActiveAndAccept() throws TelephonyException {
        callOperation(engine.calls()::endActiveAndAccept);
    }

    @Override
    public List<Integer> send(String to, String text, boolean statusReport) throws TelephonyException {
        return engine.call(() -> engine.outbox().send(to, text, statusReport));
    }

    @Override
    public String request(String code) throws TelephonyException {
        return engine.ussd(code);
    }

    @Override
    public Optional<Report> latest() {
        return engine.time().latest();
    }

    @FunctionalInterface
    private interface CallOperation {
        void run() throws TelephonyException;
    }

    private void callOperation(CallOperation operation) throws TelephonyException {
        engine.call(() -> {
            operation.run();
            return null;
        });
    }
}
