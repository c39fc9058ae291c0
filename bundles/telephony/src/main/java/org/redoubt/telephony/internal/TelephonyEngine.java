package org.redoubt.telephony.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.UnsolicitedListener;
import org.redoubt.driver.modem.UnsolicitedResult;
import org.redoubt.store.MessageStore;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/**
 * Telephony's one thread and its modem. Everything that talks to the modem or changes telephony
 * state runs here, in order: setting the modem up when a channel arrives, the result codes it
 * reports, the watchdog, and the operations callers ask for (they wait for their turn).
 *
 * <p>Recovery: when the modem driver is restarted the channel goes and a new one comes, and the
 * modem is set up again. A modem that resets behind the channel's back forgets its settings; the
 * watchdog notices (+CREG reporting is off again) and sets it up again. Either way the network,
 * the SIM state and the calls are read again and their events posted.
 */
final class TelephonyEngine implements AutoCloseable {

    /** How often the watchdog asks the modem (registration mode, signal), by default. */
    static final Duration WATCHDOG_PERIOD = Duration.ofSeconds(5);
    /** How often the call list is read while an outgoing call is being set up. */
    static final Duration CALL_POLL_PERIOD = Duration.ofMillis(300);
    private static final long WAIT_SECONDS = 60;

    /**
     * Commands that set the modem up: errors reported, numeric; registration, caller id and waiting
     * reported; SMS in PDU mode, stored on the SIM and announced (+CMTI), so that a message stays
     * there until it is kept; status reports sent directly (+CDS); time zone reports on.
     */
    static final List<String> SETUP = List.of("ATE0", "AT+CMEE=1", "AT+CREG=2", "AT+CLIP=1", "AT+CCWA=1", "AT+CMGF=0",
            "AT+CNMI=2,1,0,1,0", "AT+CTZR=1");

    private final ModemPort modem = new ModemPort();
    private final ScheduledExecutorService thread;
    private final TelephonyEventSink events;
    private final Logger logger;
    private final NetworkMonitor network;
    private final SimControl sim;
    private final CallManager calls;
    private final UssdClient ussd;
    private final NitzClock time;
    private final SmsInbox inbox;
    private final SmsOutbox outbox;
    private final DataRoamingGuard dataRoaming;
    private final Duration watchdogPeriod;
    private final UnsolicitedListener listener = this::onUnsolicited;
    private AtChannel channel; // telephony thread only
    private ScheduledFuture<?> watchdog; // telephony thread only
    private ScheduledFuture<?> callPoll; // telephony thread only

    /** Handles result codes of a part of telephony. Runs on the telephony thread. */
    interface UnsolicitedResultHandler {
        /** @return whether it handled the result */
        boolean handle(UnsolicitedResult result) throws TelephonyException;
    }

    /**
     * @param events         where telephony's events go
     * @param restrictions   who may be called, texted, and call or text
     * @param callLog        where ended calls are written
     * @param messages       the message store when there is one, else null
     * @param clock          the time
     * @param logger         what happens
     * @param watchdogPeriod how often the modem is checked
     * @param smsPartTimeout how long a concatenated message waits for a missing part
     * @param dataRoaming    whether mobile data may be used while roaming, at start
     */
    TelephonyEngine(TelephonyEventSink events, Restrictions restrictions, CallManager.CallLogWriter callLog,
            Supplier<MessageStore> messages, Clock clock, Logger logger, Duration watchdogPeriod, Duration smsPartTimeout,
            boolean dataRoaming) {
        this.events = events;
        this.watchdogPeriod = watchdogPeriod;
        this.logger = logger;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "redoubt-telephony");
            t.setDaemon(true);
            return t;
        });
        this.network = new NetworkMonitor(modem, events);
        this.sim = new SimControl(modem, events);
        this.calls = new CallManager(modem, events, restrictions, sim::state, network::status, callLog, clock);
        this.ussd = new UssdClient(modem, events);
        this.time = new NitzClock(events, clock);
        this.inbox = new SmsInbox(modem, events, restrictions, messages, clock, logger, smsPartTimeout);
        this.outbox = new SmsOutbox(modem, restrictions, sim::state, network::status, messages, clock, logger);
        this.dataRoaming = new DataRoamingGuard(modem, () -> network.status().registration(), network::onPacketData,
                logger, dataRoaming);
        modem.onCallResultSeen(() -> later(this::pollCalls));
    }

    NetworkMonitor network() {
        return network;
    }

    SimControl sim() {
        return sim;
    }

    CallManager calls() {
        return calls;
    }

    NitzClock time() {
        return time;
    }

    ModemPort modem() {
        return modem;
    }

    SmsOutbox outbox() {
        return outbox;
    }

    SmsInbox inbox() {
        return inbox;
    }

    /** A new channel to the modem: set it up. */
    void attach(AtChannel next) {
        later(() -> {
            detachNow();
            channel = next;
            modem.use(next);
            next.addUnsolicitedListener(listener);
            setUp();
        });
    }

    /** A message store came: what waits on the SIM can be kept now. */
    void messageStoreArrived() {
        later(() -> {
            try {
                if (modem.available()) {
                    inbox.scan();
                }
            } catch (TelephonyException e) {
                logger.debug("Reading the SIM's messages failed: {}", e.getMessage());
            }
        });
    }

    /**
     * The policy's {@code dataRoaming} changed: it holds at once (the packet-domain service is
     * detached or attached again now), without setting the modem up again or touching calls.
     *
     * @param allowed whether mobile data may be used while roaming
     */
    void dataRoaming(boolean allowed) {
        dataRoaming.allow(allowed);
        later(dataRoaming::enforce);
    }

    /** The channel went away. */
    void detach(AtChannel gone) {
        later(() -> {
            if (channel == gone) {
                detachNow();
            }
        });
    }

    /**
     * Runs an operation on the telephony thread and waits for it.
     *
     * @throws TelephonyException what the operation threw, or {@code TIMEOUT}
     */
    <T> T call(Callable<T> operation) throws TelephonyException {
        Future<T> future = thread.submit(operation);
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelephonyException telephony) {
                throw telephony;
            }
            throw new IllegalStateException("telephony failed", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TelephonyException(Reason.TIMEOUT, "telephony is busy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException(Reason.TIMEOUT, "interrupted", e);
        }
    }

    /** Sends a USSD request on the telephony thread and waits for the network's answer off it. */
    String ussd(String code) throws TelephonyException {
        CompletableFuture<String> answer = call(() -> ussd.request(code));
        try {
            return answer.get(ModemPort.COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelephonyException telephony) {
                throw telephony;
            }
            throw new IllegalStateException("USSD failed", e.getCause());
        } catch (TimeoutException e) {
            throw new TelephonyException(Reason.TIMEOUT, "the network did not answer the USSD request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException(Reason.TIMEOUT, "interrupted", e);
        }
    }

    /** After an operation on calls: poll while a call is being set up. */
    void pollCallsIfNeeded() {
        if (calls.settingUp() && (callPoll == null || callPoll.isDone())) {
            callPoll = thread.scheduleWithFixedDelay(this::pollCalls, CALL_POLL_PERIOD.toMillis(),
                    CALL_POLL_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void pollCalls() {
        try {
            calls.refresh();
        } catch (TelephonyException e) {
            logger.debug("Reading the call list failed: {}", e.getMessage());
        }
        if (!calls.settingUp() && callPoll != null) {
            callPoll.cancel(false);
        }
    }

    private void setUp() {
        try {
            for (String command : SETUP) {
                if (!modem.send(command).isOk()) {
                    logger.info("The modem does not support {}; going on without it", command);
                }
            }
            sim.refresh();
            network.refresh();
            dataRoaming.enforce();
            calls.refresh();
            pollCallsIfNeeded();
            inbox.scan();
            events.post(TelephonyEvents.MODEM, Map.of(TelephonyEvents.AVAILABLE, true));
            logger.info("Modem set up: {}, SIM {}", network.status(), sim.state());
        } catch (TelephonyException e) {
            logger.warn("Setting the modem up failed: {}", e.getMessage());
        }
        if (watchdog == null) {
            watchdog = thread.scheduleWithFixedDelay(this::watch, watchdogPeriod.toMillis(), watchdogPeriod.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void watch() {
        if (!modem.available()) {
            return;
        }
        try {
            if (!calls.calls().isEmpty()) {
                calls.refresh(); // a call that ended while a command waited left no result code behind
            }
            if (network.refresh() != 2) {
                logger.warn("The modem lost its settings (it was reset); setting it up again");
                calls.reset();
                setUp();
            } else {
                dataRoaming.enforce(); // a modem that attached by itself is detached again
            }
            inbox.tick();
        } catch (TelephonyException e) {
            logger.debug("Watchdog: {}", e.getMessage());
        }
    }

    private void onUnsolicited(UnsolicitedResult result) {
        later(() -> {
            String line = result.line();
            try {
                if (line.startsWith("+CREG:")) {
                    network.onRegistrationReport(line);
                    dataRoaming.enforce();
                } else if (line.startsWith("+CPIN:")) {
                    sim.onReport(line);
                } else if (line.startsWith("+CUSD:")) {
                    ussd.onReport(line);
                } else if (line.startsWith("+CTZV:")) {
                    time.onReport(line);
                } else if (CallManager.isCallResult(line)) {
                    calls.refresh();
                    pollCallsIfNeeded();
                } else {
                    inbox.handle(result);
                }
            } catch (TelephonyException | RuntimeException e) {
                logger.warn("Handling {} failed: {}", result.name(), e.toString());
            }
        });
    }

    private void detachNow() {
        if (channel == null) {
            return;
        }
        channel.removeUnsolicitedListener(listener);
        channel = null;
        modem.use(null);
        if (callPoll != null) {
            callPoll.cancel(false);
        }
        calls.reset();
        ussd.reset();
        network.reset();
        sim.reset();
        time.reset();
        inbox.reset();
        events.post(TelephonyEvents.MODEM, Map.of(TelephonyEvents.AVAILABLE, false));
    }

    /** Queues work on the telephony thread; after {@link #close()} there is none to do. */
    private void later(Runnable work) {
        try {
            thread.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the modem and its reports no longer matter
        }
    }

    @Override
    public void close() {
        later(this::detachNow);
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
