package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.internal.TestChannels;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatorServer;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/**
 * Telephony as the end-to-end tests run it: the component over the modem driver's real AT channel,
 * over TCP, to the modem simulator, which the tests script as the network; the events it posts
 * are queued for {@link #await}.
 */
final class TelephonyRig implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    /** Prints what telephony logs when TELEPHONY_DEBUG is set. */
    static final Logger LOGGER = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (System.getenv("TELEPHONY_DEBUG") != null) {
                    System.err.println(method.getName() + " " + java.util.Arrays.toString(args));
                }
                return method.getReturnType() == boolean.class ? false : null;
            });

    final ModemSimulator simulator;
    final SimulatorServer server;
    final TelephonyComponent telephony;
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Every event, never consumed: for waiting on events that may come before others. */
    final List<Event> history = new CopyOnWriteArrayList<>();
    AtChannel channel;

    /** Records what Event Admin would deliver. */
    private final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            history.add(event);
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            postEvent(event);
        }
    };

    /**
     * Starts the simulator and telephony, without a modem channel yet.
     *
     * @param configuration the component's configuration
     */
    TelephonyRig(Map<String, Object> configuration) throws IOException {
        this(new ModemSimulator(), configuration, Duration.ofMillis(200));
    }

    /**
     * Starts telephony, without a modem channel yet, in front of a simulator that may have served
     * telephony before (a telephony restart: the modem keeps its state).
     *
     * @param simulator      the modem and its network
     * @param configuration  the component's configuration
     * @param watchdogPeriod how often telephony checks the modem; long to prove that something
     *                       happens without the watchdog
     */
    TelephonyRig(ModemSimulator simulator, Map<String, Object> configuration, Duration watchdogPeriod)
            throws IOException {
        this.simulator = simulator;
        server = new SimulatorServer(simulator, 0);
        telephony = new TelephonyComponent(Converters.standardConverter().convert(configuration)
                .to(TelephonyComponent.Config.class), LOGGER, watchdogPeriod);
        telephony.bindEventAdmin(eventAdmin);
    }

    /** The modem driver comes: its channel is bound, and telephony sets the modem up. */
    void connect() throws IOException, InterruptedException {
        channel = TestChannels.tcp(server.port());
        telephony.bindModem(channel);
        await(TelephonyEvents.MODEM, e -> Boolean.TRUE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
    }

    /** The modem driver goes: its channel is unbound and closed. */
    void disconnect() throws InterruptedException {
        telephony.unbindModem(channel);
        TestChannels.close(channel);
        await(TelephonyEvents.MODEM, e -> Boolean.FALSE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
    }

    /** @return the first event on {@code topic} that is {@code wanted}; fails after {@link #DEADLINE} */
    Event await(String topic, Predicate<Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            assertNotNull(event, "no " + topic + " event in time");
            if (event.getTopic().equals(topic) && wanted.test(event)) {
                return event;
            }
        }
    }

    /**
     * @return the {@code count}th event on {@code topic} that is {@code wanted} since the start, in
     *         order; fails when there are not that many after {@link #DEADLINE}
     */
    Event awaitNth(int count, String topic, Predicate<Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<Event> matching = history.stream().filter(e -> e.getTopic().equals(topic) && wanted.test(e)).toList();
            if (matching.size() >= count) {
                return matching.get(count - 1);
            }
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " " + topic + " events in time");
            Thread.sleep(10);
        }
    }

    /** @return the reason {@code operation} fails with */
    static Reason reason(Operation operation) {
        return assertThrows(TelephonyException.class, operation::run).reason();
    }

    /** A telephony call that may fail. */
    @FunctionalInterface
    interface Operation {
        void run() throws TelephonyException;
    }

    @Override
    public void close() throws IOException {
        telephony.deactivate();
        if (channel != null) {
            TestChannels.close(channel);
        }
        server.close();
    }
}
