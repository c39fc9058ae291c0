package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.redoubt.store.Direction;
import org.redoubt.store.LockState;
import org.redoubt.store.Message;
import org.redoubt.store.internal.TestStores;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException.Reason;
import org.redoubt.telephony.sms.Reassembler;
import org.redoubt.telephony.sms.SmsCodec;
import org.redoubt.telephony.sms.SmsSubmit;

/**
 * SMS end to end: telephony over the modem driver's real AT channel to the modem simulator, with
 * the real encrypted message store (SM suite) behind it. Messages go out in parts and come back
 * whole, also while the handset is locked; nothing received leaves the SIM before it is kept.
 */
class SmsEndToEndTest {

    private static final String CHINESE = "你好，这是一条很长的中文短信，用来测试级联短信的拆分与重组。"
            + "保密手机只在签名策略允许时才打开无线电。我们明天上午十点在会议室见面，请带上文件。";
    private static final char[] HANDSET_PIN = "2468".toCharArray();

    @TempDir
    Path data;
    private TelephonyRig rig;
    private TestStores stores;

    private void start(Map<String, Object> configuration, boolean withStore) throws Exception {
        rig = new TelephonyRig(configuration);
        stores = new TestStores(data);
        stores.lock().setPin(HANDSET_PIN.clone());
        if (withStore) {
            rig.telephony.bindMessageStore(stores.messages());
        }
        rig.connect();
        rig.telephony.enterPin("1234");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
        stores.close();
    }

    /** @return the {@code count}th message from {@code from} kept */
    private Event awaitReceived(String from, int count) throws InterruptedException {
        return rig.awaitNth(count, TelephonyEvents.SMS_RECEIVED, e -> from.equals(e.getProperty(TelephonyEvents.NUMBER)));
    }

    private Event awaitReceived(String from) throws InterruptedException {
        return awaitReceived(from, 1);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TelephonyRig.DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }

    private List<Message> thread(String address) throws Exception {
        return stores.messages().thread(address);
    }

    @Test
    void longChineseTextGoesOutInUcs2PartsWithStatusReportsAndIsKeptAsSent() throws Exception {
        start(Map.of(), true);
        assertTrue(CHINESE.length() > 70, "needs more than one part");

        List<Integer> references = rig.telephony.send("+8613010888500", CHINESE, true);

        assertEquals(2, references.size());
        List<SmsSubmit> sent = new ArrayList<>();
        for (String pdu : rig.simulator.submitted()) {
            sent.add(SmsCodec.decodeSubmit(pdu));
        }
        assertEquals(CHINESE, sent.get(0).text() + sent.get(1).text());
        assertEquals(sent.get(0).concatenation().orElseThrow().reference(), sent.get(1).concatenation().orElseThrow()
                .reference(), "both parts carry the same reference");
        assertTrue(sent.stream().allMatch(SmsSubmit::statusReport));
        for (int reference : references) {
            Event status = rig.awaitNth(1, TelephonyEvents.SMS_STATUS,
                    e -> Integer.valueOf(reference).equals(e.getProperty(TelephonyEvents.REFERENCE)));
            assertEquals(Boolean.TRUE, status.getProperty(TelephonyEvents.DELIVERED));
            assertEquals("+8613010888500", status.getProperty(TelephonyEvents.NUMBER));
        }
        Message kept = thread("+8613010888500").get(0);
        assertEquals(Direction.OUTGOING, kept.direction());
        assertEquals(CHINESE, kept.body());

        rig.simulator.unreachable("+491709999");
        int failed = rig.telephony.send("+491709999", "Are you there?", true).get(0);
        Event status = rig.awaitNth(1, TelephonyEvents.SMS_STATUS,
                e -> Integer.valueOf(failed).equals(e.getProperty(TelephonyEvents.REFERENCE)));
        assertEquals(Boolean.FALSE, status.getProperty(TelephonyEvents.DELIVERED));
    }

    @Test
    void longMessagesArriveWholeWhileTheHandsetIsLockedAndLeaveTheSim() throws Exception {
        start(Map.of(), true);
        stores.lock().lock();
        String latin = "Meeting moved to 10:00 in room 4 - bring the signed policy {v2} and €20 for lunch. ".repeat(3);

        rig.simulator.smsFrom("+4930123456", CHINESE);
        Event chinese = awaitReceived("+4930123456", 1);
        rig.simulator.smsFrom("+4930123456", latin);
        awaitReceived("+4930123456", 2);
        rig.simulator.smsFrom("Redoubt", "Your code is 4711");
        awaitReceived("Redoubt");

        assertEquals(Boolean.TRUE, chinese.getProperty(TelephonyEvents.COMPLETE));
        eventually(() -> rig.simulator.storedMessages() == 0, "every part is deleted from the SIM once kept");
        assertEquals(LockState.LOCKED, stores.lock().state());
        stores.lock().unlock(HANDSET_PIN.clone());
        List<String> bodies = thread("+4930123456").stream().map(Message::body).toList();
        assertEquals(List.of(CHINESE, latin), bodies);
        assertEquals("Your code is 4711", thread("Redoubt").get(0).body());
        assertTrue(thread("Redoubt").stream().allMatch(m -> m.direction() == Direction.INCOMING && !m.read()));
    }

    @Test
    void messagesThatCameWhileTelephonyWasAwayOrWithoutAStoreAreKeptLater() throws Exception {
        start(Map.of(), false);
        rig.simulator.smsFrom("+4930111", "kept once the store is there");
        eventually(() -> rig.simulator.storedMessages() == 1, "the message waits on the SIM");

        rig.telephony.bindMessageStore(stores.messages());
        awaitReceived("+4930111");
        eventually(() -> rig.simulator.storedMessages() == 0, "and leaves it once kept");

        rig.disconnect(); // the modem driver restarts; meanwhile the network delivers to the SIM
        rig.simulator.smsFrom("+4930222", "came while telephony was away");
        rig.connect();
        awaitReceived("+4930222");
        assertEquals("came while telephony was away", thread("+4930222").get(0).body());
        assertEquals("kept once the store is there", thread("+4930111").get(0).body());
    }

    @Test
    void aMessageWhosePartNeverComesIsKeptWithTheGapMarked() throws Exception {
        start(Map.of("smsPartTimeoutSeconds", 1L), true);
        List<String> parts = SmsCodec.deliver("+4930333", "x".repeat(200) + "y".repeat(153) + "z".repeat(10),
                java.time.OffsetDateTime.now(Clock.systemUTC()).withNano(0), 77, false);
        assertEquals(3, parts.size());

        rig.simulator.deliverSms(parts.get(0));
        rig.simulator.deliverSms(parts.get(2));
        Event received = awaitReceived("+4930333");

        assertEquals(Boolean.FALSE, received.getProperty(TelephonyEvents.COMPLETE));
        String body = thread("+4930333").get(0).body();
        assertTrue(body.startsWith("x".repeat(153) + Reassembler.MISSING), body);
        assertTrue(body.endsWith("z".repeat(10)));
        eventually(() -> rig.simulator.storedMessages() == 0, "the parts that came leave the SIM");
    }

    @Test
    void restrictionsDropSendersAndRefuseRecipients() throws Exception {
        start(Map.of("incomingSmsDeny", new String[] {"+4930666*"}, "outgoingSmsAllow", new String[] {"+49170*"}), true);

        assertEquals(Reason.RESTRICTED, TelephonyRig.reason(() -> rig.telephony.send("+4930123", "hi", false)));
        assertTrue(rig.simulator.submitted().isEmpty());
        rig.simulator.smsFrom("+4930666111", "from a denied sender");
        rig.simulator.smsFrom("+491701234", "from an allowed one");
        awaitReceived("+491701234");

        eventually(() -> rig.simulator.storedMessages() == 0, "the denied message is dropped, not left behind");
        assertTrue(thread("+4930666111").isEmpty());
        assertEquals(1, rig.telephony.send("+491701234", "hi", false).size());
    }

    @Test
    void aPduThatDoesNotDecodeStaysOnTheSimAndTheNextMessageStillArrives() throws Exception {
        start(Map.of(), true);

        rig.simulator.deliverSms("0003000000"); // an SMS-COMMAND-like type a handset does not take
        rig.simulator.smsFrom("+4930444", "after the broken one");
        awaitReceived("+4930444");

        eventually(() -> rig.simulator.storedMessages() == 1, "only the broken PDU remains");
    }

    @Test
    void badRequestsGetAReason() throws Exception {
        start(Map.of(), true);

        assertEquals(Reason.INVALID_ARGUMENT, TelephonyRig.reason(() -> rig.telephony.send("not a number", "hi", false)));
        assertEquals(Reason.INVALID_ARGUMENT, TelephonyRig.reason(() -> rig.telephony.send("+4930", "", false)));
        assertEquals(Reason.INVALID_ARGUMENT, TelephonyRig.reason(() -> rig.telephony.send("+4930", null, false)));
        assertEquals(Reason.INVALID_ARGUMENT, TelephonyRig.reason(() -> rig.telephony.send("+4930", "x".repeat(8193),
                false)));
        assertEquals(Reason.INVALID_ARGUMENT, TelephonyRig.reason(() -> rig.telephony.send("+" + "1".repeat(25), "hi",
                false)));
        rig.simulator.networkLoss();
        rig.await(TelephonyEvents.NETWORK, e -> "SEARCHING".equals(e.getProperty(TelephonyEvents.REGISTRATION)));
        assertEquals(Reason.NO_NETWORK, TelephonyRig.reason(() -> rig.telephony.send("+4930", "hi", false)));
        rig.simulator.networkBack();
        rig.simulator.reset(); // the SIM wants its PIN again
        rig.await(TelephonyEvents.SIM, e -> "PIN_REQUIRED".equals(e.getProperty(TelephonyEvents.SIM_STATE)));
        assertEquals(Reason.SIM_LOCKED, TelephonyRig.reason(() -> rig.telephony.send("+4930", "hi", false)));
        assertTrue(rig.simulator.submitted().isEmpty());
        assertFalse(thread("+4930").stream().anyMatch(m -> m.direction() == Direction.OUTGOING));
    }
}
