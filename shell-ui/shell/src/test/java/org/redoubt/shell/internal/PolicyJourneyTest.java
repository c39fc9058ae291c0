package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.radios.Radio;
import org.redoubt.shell.internal.screens.Screens;
import org.redoubt.store.LockState;
import org.redoubt.store.internal.TestStores;
import org.redoubt.telephony.CallState;

/**
 * What the policy changes on the handset, typed on the keypad: the idle lock (PID
 * {@value ShellComponent#PID} {@code lockAfterSeconds}, on a clock the test moves on), the PIN
 * change the lock requires, and radios the policy manages.
 */
class PolicyJourneyTest {

    @TempDir
    Path data;
    private ShellRig rig;

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private void start(Map<String, Object> configuration) throws Exception {
        rig = new ShellRig(data, configuration, true);
        rig.awaitText("status: Redoubt Net");
        rig.telephony.enterPin("1234");
    }

    private void unlock(String pin) throws InterruptedException {
        rig.awaitText("Enter PIN");
        rig.keypad.type(pin);
        rig.keypad.press(Key.OK);
    }

    /** Moves the clock on and waits for the shell's tick to draw the new minute. */
    private List<String> advance(Duration time, String minute) throws InterruptedException {
        rig.clock.advance(time);
        return rig.await("the clock at " + minute, texts -> texts.contains("status: " + minute));
    }

    @Test
    void theHandsetLocksAfterTheIdleTimeAndNotBefore() throws Exception {
        start(Map.of("language", "en", "lockAfterSeconds", 120L));
        unlock("2468");
        rig.awaitText("> Dialer");

        advance(Duration.ofSeconds(119), "09:42");
        assertEquals(LockState.UNLOCKED, rig.lock.state(), "119 s: not yet");
        rig.keypad.press(Key.DOWN); // a key starts the wait again
        rig.awaitText("> Messages");
        advance(Duration.ofSeconds(61), "09:44");
        assertEquals(LockState.UNLOCKED, rig.lock.state(), "61 s after the key");

        rig.clock.advance(Duration.ofSeconds(59));
        List<String> locked = rig.awaitText("Enter PIN");
        assertTrue(locked.contains("status: locked"), locked.toString());
        assertEquals(LockState.LOCKED, rig.lock.state());
        assertEquals(Navigator.LOCK, rig.shell.shell().topScreen());
    }

    @Test
    void neverDuringACallAndANewConfigurationTurnsItOff() throws Exception {
        start(Map.of("language", "en", "lockAfterSeconds", 60L));
        unlock("2468");
        rig.awaitText("> Dialer");
        rig.keypad.type("0301234567");
        rig.keypad.press(Key.CALL);
        rig.awaitText("Ringing");
        rig.simulator.remoteAnswer();
        rig.awaitText("Active");

        advance(Duration.ofSeconds(630), "09:51");
        assertEquals(LockState.UNLOCKED, rig.lock.state(), "ten minutes into a call");
        assertEquals(Screens.CALL, rig.shell.shell().topScreen());
        rig.simulator.remoteHangUp();
        rig.awaitText("> Dialer");
        advance(Duration.ofSeconds(45), "09:52");
        assertEquals(LockState.UNLOCKED, rig.lock.state(), "the wait starts when the call ends");
        rig.clock.advance(Duration.ofSeconds(15));
        rig.awaitText("Enter PIN");
        assertEquals(LockState.LOCKED, rig.lock.state());

        rig.shell.modified(Converters.standardConverter().convert(Map.of("language", "en", "lockAfterSeconds", 0L))
                .to(ShellComponent.Config.class));
        unlock("2468");
        rig.awaitText("> Dialer");
        advance(Duration.ofHours(2), "11:52");
        assertEquals(LockState.UNLOCKED, rig.lock.state(), "0 = never");
    }

    @Test
    void aPinTheRulesNoLongerAdmitMustBeChangedBeforeAnythingElse() throws Exception {
        start(Map.of("language", "en"));
        TestStores.pinRules(rig.lock, Map.of("pinMinLength", 6, "pinQuality", "NUMERIC_COMPLEX"));
        unlock("2468");
        List<String> required = rig.awaitText("A new PIN is required");
        assertTrue(required.contains("Change PIN"), required.toString());
        assertTrue(required.contains("Current PIN"), required.toString());
        GoldenImages.check("change-pin-required", rig.screenshot());

        rig.keypad.press(Key.END);
        rig.awaitText("notice: A new PIN is required");
        rig.keypad.press(Key.SOFT_RIGHT);
        rig.keypad.press(Key.DOWN, Key.OK); // keys of other screens do nothing here
        assertEquals(Screens.CHANGE_PIN, rig.shell.shell().topScreen());

        rig.keypad.type("2468");
        rig.keypad.press(Key.OK);
        rig.keypad.type("123456");
        rig.keypad.press(Key.OK);
        rig.keypad.type("123456");
        rig.keypad.press(Key.OK);
        List<String> refused = rig.awaitText("notice: PIN not allowed by the PIN rules");
        assertTrue(refused.contains("the PIN rules forbid 4 digits counting up or down in a row"), refused.toString());
        assertEquals(Screens.CHANGE_PIN, rig.shell.shell().topScreen());
        assertTrue(rig.lock.pinChangeRequired());

        rig.keypad.type("2468");
        rig.keypad.press(Key.OK);
        rig.keypad.type("258013");
        rig.keypad.press(Key.OK);
        rig.keypad.type("258013");
        rig.keypad.press(Key.OK);
        rig.awaitText("notice: PIN changed");
        rig.awaitText("> Dialer");
        assertFalse(rig.lock.pinChangeRequired());
        assertEquals(Screens.HOME, rig.shell.shell().topScreen());
    }

    @Test
    void aResetPinCommandOpensTheChangeAtTheNextKeyAndTooManyWrongPinsWipe() throws Exception {
        start(Map.of("language", "en"));
        unlock("2468");
        rig.awaitText("> Dialer");
        rig.lock.requirePinChange();
        rig.keypad.press(Key.DOWN);
        rig.awaitText("A new PIN is required");
        assertEquals(Screens.CHANGE_PIN, rig.shell.shell().topScreen());

        rig.keypad.press(Key.POWER); // locking is still allowed; the change comes back after the unlock
        TestStores.pinRules(rig.lock, Map.of("maxFailedForWipe", 2));
        unlock("0000");
        rig.awaitText("Wrong PIN (1 failed)");
        rig.keypad.type("0001");
        rig.keypad.press(Key.OK);
        rig.awaitText("notice: Too many wrong PINs: the handset was wiped");
        rig.awaitText("Set PIN");
        assertEquals(LockState.NO_PIN, rig.lock.state());
    }

    @Test
    void aRadioThePolicyDisablesIsShownManagedAndCannotBeSwitched() throws Exception {
        start(Map.of("language", "en"));
        unlock("2468");
        rig.awaitText("> Dialer");
        rig.keypad.press(Key.UP, Key.OK); // settings
        rig.awaitText("> Language: English");
        rig.keypad.press(Key.DOWN, Key.DOWN);
        rig.awaitText("> Radios");
        rig.keypad.press(Key.OK);
        List<String> radios = rig.awaitText("> Bluetooth: Managed");
        assertTrue(radios.containsAll(List.of("Wi-Fi: Off", "NFC: Off", "USB data: Off")), radios.toString());
        assertTrue(radios.contains("soft:  | Back"), "no switch for a managed radio: " + radios);
        GoldenImages.check("radios", rig.screenshot());

        rig.keypad.press(Key.OK);
        rig.awaitText("notice: Managed by policy: cannot be changed");
        assertFalse(rig.radios.isOn(Radio.BLUETOOTH));
        rig.keypad.press(Key.DOWN, Key.OK);
        rig.awaitText("> Wi-Fi: On");
        assertTrue(rig.radios.isOn(Radio.WIFI));
        rig.keypad.press(Key.OK);
        rig.awaitText("> Wi-Fi: Off");
        assertFalse(rig.radios.isOn(Radio.WIFI));

        rig.keypad.press(Key.SOFT_RIGHT);
        rig.awaitText("> Radios");
        rig.keypad.press(Key.UP, Key.UP, Key.OK); // the language, to Chinese
        rig.awaitText("> 语言：中文");
        rig.keypad.press(Key.DOWN, Key.DOWN, Key.OK);
        List<String> chinese = rig.awaitText("> 蓝牙：受管理");
        assertTrue(chinese.contains("USB数据：关"), chinese.toString());
    }
}
