package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.internal.screens.LockScreen;
import org.redoubt.shell.internal.screens.Screens;
import org.redoubt.store.LockState;
import org.redoubt.telephony.CallState;

/**
 * Whole journeys on the handset, typed on the keypad: what the screen shows is checked on the
 * texts of each frame, and the main screens against golden images of the PNGs the display driver
 * wrote.
 */
class ShellJourneyTest {

    @TempDir
    Path data;
    private ShellRig rig;

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private void start(String language) throws Exception {
        rig = new ShellRig(data, language);
        rig.awaitText("status: Redoubt Net");
    }

    @Test
    void unlockDialTalkAndHangUp() throws Exception {
        start("en");
        rig.telephony.enterPin("1234"); // the SIM's PIN (its own screen is still to come)
        List<String> locked = rig.awaitText("Enter PIN");
        assertTrue(locked.contains("status: locked"), locked.toString());
        GoldenImages.check("lock", rig.screenshot());

        rig.keypad.type("2468");
        rig.awaitText("●●●●");
        rig.keypad.press(Key.OK);
        rig.awaitText("> Dialer");
        assertEquals(LockState.UNLOCKED, rig.lock.state());
        assertEquals(Screens.HOME, rig.shell.shell().topScreen());
        GoldenImages.check("home", rig.screenshot());

        rig.keypad.type("0301234567");
        rig.awaitText("0301234567");
        GoldenImages.check("dialer", rig.screenshot());
        rig.keypad.press(Key.CALL);
        rig.awaitText("Ringing");
        assertEquals(Screens.CALL, rig.shell.shell().topScreen());

        rig.simulator.remoteAnswer();
        List<String> talking = rig.awaitText("Active");
        assertTrue(talking.contains("0301234567"), talking.toString());
        assertTrue(talking.contains("soft: Hold | End"), talking.toString());
        GoldenImages.check("call", rig.screenshot());
        rig.keypad.press(Key.OK);
        rig.awaitText("Muted - OK to unmute");
        assertTrue(rig.simulator.muted());
        rig.keypad.press(Key.OK);
        rig.awaitText("OK to mute");
        assertFalse(rig.simulator.muted());

        rig.keypad.press(Key.END);
        rig.awaitText("> Dialer");
        assertEquals(Screens.HOME, rig.shell.shell().topScreen());
        assertTrue(rig.telephony.calls().stream().allMatch(call -> call.state() == CallState.ENDED));
    }

    @Test
    void receiveAnSmsReadItAndReply() throws Exception {
        start("en");
        rig.telephony.enterPin("1234");
        unlock();
        rig.simulator.smsFrom("+4930123", "Meeting moved to 10:00. Bring the signed policy, please.");
        rig.awaitText("notice: New message from +4930123");

        rig.keypad.press(Key.DOWN, Key.OK);
        rig.awaitText("> +4930123 (1)");
        GoldenImages.check("messages", rig.screenshot());
        rig.keypad.press(Key.OK);
        rig.awaitText("Meeting moved to 10:00. Bring the signed policy, please.");
        GoldenImages.check("thread", rig.screenshot());

        rig.keypad.press(Key.SOFT_LEFT);
        rig.awaitText("To: +4930123");
        // "Ok, see you" by multi-tap: # for upper case, then lower case
        rig.keypad.press(Key.POUND);
        rig.keypad.type("666");
        rig.keypad.press(Key.POUND, Key.POUND, Key.POUND); // ABC -> 123 -> 拼 -> abc
        rig.keypad.type("55");
        rig.keypad.press(Key.RIGHT);
        rig.keypad.type("1");
        rig.keypad.type("1"); // ".," : the comma
        rig.keypad.type("0");
        rig.keypad.type("7777");
        rig.keypad.type("33");
        rig.keypad.press(Key.RIGHT);
        rig.keypad.type("33");
        rig.keypad.type("0");
        rig.keypad.type("999");
        rig.keypad.type("666");
        rig.keypad.type("88");
        List<String> composed = rig.awaitText("Ok, see you_");
        assertTrue(composed.contains("abc · 149 left · 1 SMS"), composed.toString());
        GoldenImages.check("compose", rig.screenshot());
        rig.keypad.press(Key.SOFT_LEFT);

        rig.awaitText("notice: Sent");
        assertEquals("Ok, see you", org.redoubt.telephony.sms.SmsCodec.decodeSubmit(rig.simulator.submitted().get(0))
                .text());
        List<String> thread = rig.awaitText("Ok, see you");
        assertTrue(thread.contains("+4930123"), thread.toString());
        assertEquals(0, rig.messages.threads().get(0).unread(), "reading marked it read");
    }

    @Test
    void replyInChinese() throws Exception {
        start("zh-CN");
        rig.telephony.enterPin("1234");
        rig.awaitText("请输入PIN码");
        rig.keypad.type("2468");
        rig.keypad.press(Key.OK);
        rig.awaitText("> 拨号");
        rig.simulator.smsFrom("+8613800138000", "明天上午十点开会，可以吗？");
        rig.awaitText("notice: 新短信：+8613800138000");
        rig.keypad.press(Key.DOWN, Key.OK, Key.OK);
        rig.awaitText("明天上午十点开会，可以吗？");
        rig.keypad.press(Key.SOFT_LEFT);
        rig.awaitText("收件人：+8613800138000");
        rig.keypad.press(Key.POUND, Key.POUND, Key.POUND); // abc -> ABC -> 123 -> 拼

        choose("426", '好', "pinyin");
        choose("33", '的', null);
        rig.keypad.press(Key.DIGIT_1, Key.DIGIT_1); // ， then 。
        List<String> composed = rig.awaitText("好的。_");
        assertTrue(composed.contains("拼 · 剩余67字 · 1条"), "UCS-2: 70 characters in one SMS: " + composed);
        GoldenImages.check("compose-zh", rig.screenshot());
        rig.keypad.press(Key.SOFT_LEFT);

        rig.awaitText("notice: 已发送");
        assertEquals("好的。", org.redoubt.telephony.sms.SmsCodec.decodeSubmit(rig.simulator.submitted().get(0)).text());
    }

    /** Types a syllable's digits in the Chinese mode and takes {@code wanted} from the candidates. */
    private void choose(String digits, char wanted, String golden) throws Exception {
        List<Character> candidates = org.redoubt.shell.internal.screens.PinyinIndex.load().candidates(digits).stream()
                .map(org.redoubt.shell.internal.screens.PinyinIndex.Candidate::character).toList();
        int position = candidates.indexOf(wanted);
        assertTrue(position >= 0, wanted + " is a candidate of " + digits);
        rig.keypad.type(digits);
        for (int i = 0; i < position; i++) {
            rig.keypad.press(Key.RIGHT);
        }
        rig.awaitText("[" + wanted + "]");
        if (golden != null) {
            GoldenImages.check(golden, rig.screenshot());
        }
        rig.keypad.press(Key.OK);
    }

    @Test
    void addAContactCallItFromTheListAndFindTheCallInTheLog() throws Exception {
        start("en");
        rig.telephony.enterPin("1234");
        unlock();

        rig.keypad.press(Key.DOWN, Key.DOWN, Key.OK);
        rig.awaitText("No contacts");
        rig.keypad.press(Key.SOFT_LEFT);
        rig.awaitText("New contact");
        rig.keypad.press(Key.POUND); // ABC
        rig.keypad.type("22");
        rig.keypad.press(Key.POUND, Key.POUND, Key.POUND); // ABC -> 123 -> 拼 -> abc
        rig.keypad.type("666");
        rig.keypad.type("22");
        rig.keypad.press(Key.DOWN);
        rig.keypad.type("0301234567");
        rig.awaitText("0301234567_");
        GoldenImages.check("contact-edit", rig.screenshot());
        rig.keypad.press(Key.SOFT_LEFT);
        rig.awaitText("> Bob");
        assertEquals("0301234567", rig.stores.contacts().list().get(0).number());
        GoldenImages.check("contacts", rig.screenshot());

        rig.keypad.press(Key.CALL);
        List<String> calling = rig.awaitText("Ringing");
        assertTrue(calling.contains("0301234567"), calling.toString());
        rig.keypad.press(Key.END);
        rig.awaitText("> Bob");

        rig.keypad.press(Key.END); // home, where the menu remembers the last item
        rig.awaitText("> Contacts");
        rig.keypad.press(Key.DOWN, Key.OK);
        rig.awaitText("> ↗ 0301234567  "); // logged by telephony on the system clock: its date is today
    }

    @Test
    void settingsSwitchTheLanguageAndChangeThePin() throws Exception {
        start("en");
        rig.telephony.enterPin("1234");
        unlock();
        rig.keypad.press(Key.UP, Key.OK); // the last item: settings
        rig.awaitText("> Language: English");
        rig.keypad.press(Key.OK);
        rig.awaitText("> 语言：中文");
        GoldenImages.check("settings-zh", rig.screenshot());

        rig.keypad.press(Key.DOWN, Key.OK);
        rig.awaitText("当前PIN码");
        rig.keypad.type("2468");
        rig.keypad.press(Key.OK);
        rig.keypad.type("1357");
        rig.keypad.press(Key.OK);
        rig.keypad.type("1357");
        rig.keypad.press(Key.OK);
        rig.awaitText("notice: PIN码已更改");

        rig.keypad.press(Key.DOWN, Key.DOWN, Key.OK); // past the radios
        rig.awaitText("版本：7");
        rig.keypad.press(Key.SOFT_RIGHT);
        rig.keypad.press(Key.POWER);
        rig.awaitText("请输入PIN码");
        assertEquals(LockState.LOCKED, rig.lock.state());
        rig.keypad.type("1357");
        rig.keypad.press(Key.OK);
        rig.awaitText("> 设置");
    }

    private void unlock() throws InterruptedException {
        rig.awaitText("Enter PIN");
        rig.keypad.type(new String(ShellRig.HANDSET_PIN));
        rig.keypad.press(Key.OK);
        rig.awaitText("> Dialer");
    }

    @Test
    void aFirstBootAsksForAHandsetPinAndMessagesThenGoIntoTheStore() throws Exception {
        rig = new ShellRig(data, "en", false);
        rig.telephony.enterPin("1234");
        rig.awaitText("Set PIN");
        rig.simulator.smsFrom("+4930777", "before the PIN");
        rig.keypad.type("1357");
        rig.keypad.press(Key.OK);
        rig.keypad.type("1357");
        rig.keypad.press(Key.OK);
        rig.awaitText("notice: PIN changed");
        assertEquals(LockState.UNLOCKED, rig.lock.state());

        rig.simulator.smsFrom("+4930777", "after the PIN");
        rig.awaitText("notice: New message from +4930777");
        ShellRig.eventually("the message that waited on the SIM is kept once there is a PIN", () -> {
            try {
                return rig.messages.thread("+4930777").size() == 2;
            } catch (org.redoubt.store.StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(java.util.Set.of("before the PIN", "after the PIN"), rig.messages.thread("+4930777").stream()
                .map(org.redoubt.store.Message::body).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theSimAsksForItsPinOnceTheHandsetIsUnlocked() throws Exception {
        start("en");
        rig.awaitText("Enter PIN");
        rig.keypad.type("2468");
        rig.keypad.press(Key.OK);
        rig.awaitText("Enter the SIM PIN");
        GoldenImages.check("sim-pin", rig.screenshot());

        rig.keypad.type("0000");
        rig.keypad.press(Key.OK);
        rig.awaitText("Wrong PIN");
        rig.keypad.type("1234");
        rig.keypad.press(Key.OK);
        rig.awaitText("> Dialer");
        assertEquals(org.redoubt.telephony.SimState.READY, rig.telephony.state());
    }

    @Test
    void wrongPinsAreCountedAndTheRightOneStillUnlocks() throws Exception {
        start("en");
        rig.telephony.enterPin("1234");
        rig.awaitText("Enter PIN");

        rig.keypad.type("1111");
        rig.keypad.press(Key.OK);
        rig.awaitText("Wrong PIN (1 failed)");
        rig.keypad.type("9999");
        rig.keypad.press(Key.OK);
        rig.awaitText("Wrong PIN (2 failed)");
        assertEquals(LockState.LOCKED, rig.lock.state());
        assertEquals(LockScreen.ID, rig.shell.shell().topScreen());

        rig.keypad.type("24689");
        rig.keypad.press(Key.SOFT_RIGHT); // delete the typo
        rig.keypad.press(Key.OK);
        rig.awaitText("> Dialer");
        assertEquals(LockState.UNLOCKED, rig.lock.state());
    }

    @Test
    void anEmergencyCallGoesOutFromTheLockScreenAndNothingElseDoes() throws Exception {
        start("en");
        rig.awaitText("Enter PIN"); // the SIM's PIN is not entered either

        rig.keypad.press(Key.SOFT_LEFT);
        rig.awaitText("Emergency call");
        rig.keypad.type("123");
        rig.keypad.press(Key.CALL);
        rig.awaitText("notice: Emergency numbers only");
        assertTrue(rig.telephony.calls().isEmpty());

        rig.keypad.press(Key.SOFT_RIGHT, Key.SOFT_RIGHT, Key.SOFT_RIGHT);
        rig.keypad.type("112");
        rig.keypad.press(Key.CALL);
        List<String> call = rig.awaitText("Emergency · Ringing");
        assertTrue(call.contains("112"), call.toString());

        rig.keypad.press(Key.END);
        rig.awaitText("Enter PIN");
        assertEquals(LockState.LOCKED, rig.lock.state(), "the emergency call did not unlock the handset");
    }

    @Test
    void anIncomingCallRingsOverTheLockScreenAndEndsBackOnIt() throws Exception {
        start("en");
        rig.telephony.enterPin("1234");
        rig.awaitText("Enter PIN");

        rig.simulator.incomingCall("+8613800138000");
        List<String> ringing = rig.awaitText("Incoming call");
        assertTrue(ringing.contains("+8613800138000"), ringing.toString());
        assertTrue(ringing.contains("soft: Answer | Reject"), ringing.toString());
        rig.keypad.press(Key.CALL);
        rig.awaitText("Active");
        rig.simulator.remoteHangUp();
        rig.awaitText("Enter PIN");
        assertEquals(LockState.LOCKED, rig.lock.state());
    }

    @Test
    void theShellSpeaksChinese() throws Exception {
        start("zh-CN");
        rig.telephony.enterPin("1234");
        rig.awaitText("请输入PIN码");
        GoldenImages.check("lock-zh", rig.screenshot());

        rig.keypad.type("2468");
        rig.keypad.press(Key.OK);
        List<String> home = rig.awaitText("> 拨号");
        assertTrue(home.contains("菜单"), home.toString());
        assertFalse(home.stream().anyMatch(text -> text.startsWith("menu.")), "every text is translated: " + home);
    }

    @Test
    void theShellComesBackOnTheCallScreenAfterItsBundleIsUpdatedDuringACall() throws Exception {
        start("en");
        rig.telephony.enterPin("1234");
        unlock();
        rig.keypad.type("0301234567");
        rig.keypad.press(Key.CALL);
        rig.awaitText("Ringing");
        rig.simulator.remoteAnswer();
        rig.awaitText("Active");

        rig.stopShell(); // the shell bundle is updated: its components go and come back
        rig.startShell("en");

        List<String> back = rig.awaitText("Active");
        assertTrue(back.contains("0301234567"), back.toString());
        assertEquals(Screens.CALL, rig.shell.shell().topScreen());
        assertTrue(rig.telephony.calls().stream().anyMatch(call -> call.state() == CallState.ACTIVE),
                "the call went on");
        rig.keypad.press(Key.END);
        rig.awaitText("> Dialer");
    }
}
