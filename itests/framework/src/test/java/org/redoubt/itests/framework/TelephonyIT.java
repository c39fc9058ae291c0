package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.LockState;
import org.redoubt.store.Message;
import org.redoubt.store.MessageStore;
import org.redoubt.telephony.Network;
import org.redoubt.telephony.Registration;
import org.redoubt.telephony.Sim;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.Sms;
import org.redoubt.telephony.TelephonyEvents;

/**
 * Telephony in the framework, as the handset runs it: the modem driver in-process to the simulated
 * modem, Event Admin, and the encrypted stores. An SMS that arrives while the handset is locked is
 * kept and readable after unlock; a sent one gets its status report; telephony follows the modem
 * driver through a restart and the modem through a reset, and works again by itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TelephonyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final char[] HANDSET_PIN = {'2', '4', '6', '8'};
    private static final String CHINESE = "会议改到明天上午十点，在四号会议室。请带上已签名的策略文件和测试手机，我们需要在发布前完成所有的验证步骤。谢谢！";

    @Inject
    private BundleContext context;
    @Inject
    private Sim sim;
    @Inject
    private Sms sms;
    @Inject
    private Network network;
    @Inject
    private MessageStore messages;
    @Inject
    private HandsetLock lock;

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> handler;

    @Configuration
    public Option[] configuration() {
        List<Option> bundles = new ArrayList<>();
        bundles.add(TestPlatform.crypto(TelephonyIT.class));
        for (String name : List.of("eventadmin", "h2-mvstore", "store-api", "store", "hardware", "modem-api", "modem",
                "modem-simulator", "sms", "telephony-api", "telephony")) {
            bundles.add(CoreOptions.bundle(TestPlatform.bundleUrl(name)));
        }
        bundles.add(CoreOptions.frameworkProperty("redoubt.device.model").value("redoubt-emulator"));
        return TestPlatform.configuration(TelephonyIT.class, composite(bundles.toArray(Option[]::new)));
    }

    @Before
    public void listen() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "org/redoubt/telephony/*");
        handler = context.registerService(EventHandler.class, events::add, properties);
    }

    @After
    public void stopListening() {
        handler.unregister();
    }

    @Test
    public void anSmsArrivingWhileLockedIsKeptAndAReplyGetsItsStatusReport() throws Exception {
        simReady();
        if (lock.state() == LockState.NO_PIN) {
            lock.setPin(HANDSET_PIN.clone());
        }
        lock.lock();

        Handset.simulator(context, DEADLINE, "sms", "+8613800138000", CHINESE);
        Event received = await(TelephonyEvents.SMS_RECEIVED, e -> "+8613800138000".equals(e.getProperty(TelephonyEvents.NUMBER)));

        assertEquals(Boolean.TRUE, received.getProperty(TelephonyEvents.COMPLETE));
        assertEquals(LockState.LOCKED, lock.state());
        lock.unlock(HANDSET_PIN.clone());
        List<Message> thread = messages.thread("+8613800138000");
        assertEquals(CHINESE, thread.get(thread.size() - 1).body());

        List<Integer> references = sms.send("+8613800138000", "收到，明天见。", true);
        Event status = await(TelephonyEvents.SMS_STATUS, e -> references.get(0).equals(e.getProperty(TelephonyEvents.REFERENCE)));
        assertEquals(Boolean.TRUE, status.getProperty(TelephonyEvents.DELIVERED));
        assertEquals("收到，明天见。", messages.thread("+8613800138000").get(thread.size()).body());
    }

    @Test
    public void telephonyFollowsTheModemDriverRestartAndTheModemReset() throws Exception {
        simReady();
        Bundle driver = Handset.installed(context, "org.redoubt.driver.modem");

        driver.stop();
        await(TelephonyEvents.MODEM, e -> Boolean.FALSE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
        driver.start();
        await(TelephonyEvents.MODEM, e -> Boolean.TRUE.equals(e.getProperty(TelephonyEvents.AVAILABLE)));
        Await.until("registered after the driver restart", DEADLINE,
                () -> network.status().registration() == Registration.HOME ? Optional.of(true) : Optional.empty());

        assertEquals("the modem kept its state through the driver restart", SimState.READY, sim.state());
        events.clear();
        Handset.simulator(context, DEADLINE, "reset");
        await(TelephonyEvents.SIM, e -> SimState.PIN_REQUIRED.name().equals(e.getProperty(TelephonyEvents.SIM_STATE)));
        simReady();
        assertEquals(1, sms.send("+491701234567", "back after the reset", false).size());
        assertEquals(Registration.HOME, network.status().registration());
    }

    /** Waits until telephony knows the SIM, and enters its PIN when it asks for one. */
    private void simReady() throws Exception {
        SimState state = Await.until("the SIM's state", DEADLINE,
                () -> sim.state() == SimState.UNKNOWN ? Optional.empty() : Optional.of(sim.state()));
        if (state == SimState.PIN_REQUIRED) {
            sim.enterPin("1234");
        }
        assertEquals(SimState.READY, sim.state());
    }

    private Event await(String topic, Predicate<Event> wanted) throws InterruptedException {
        try {
            return Await.until(topic, DEADLINE, () -> events.stream()
                    .filter(e -> e.getTopic().equals(topic) && wanted.test(e)).findFirst());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; events seen: " + seen(), e);
        }
    }

    /** @return the events so far, for a failure message */
    private String seen() {
        return events.stream().map(e -> e.getTopic() + java.util.Arrays.stream(e.getPropertyNames())
                .filter(name -> !name.equals(EventConstants.EVENT_TOPIC)).map(name -> name + "=" + e.getProperty(name))
                .toList()).toList().toString();
    }

}
