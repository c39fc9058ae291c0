package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.driver.keypad.Key;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyState;
import org.redoubt.shell.internal.screens.Screens;
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;
import org.redoubt.store.internal.TestStores;

/**
 * PINs with letters, typed on the keypad of the lock and change-PIN screens against the real PIN
 * lock: a policy asking for {@code ALPHANUMERIC} PINs (set in the lock's configuration, as the
 * policy agent does, and shown by the test's policy agent status) opens the PIN screens in the
 * {@code abc} mode; {@code #} switches the mode on any PIN screen; letters come by multi-tap, the
 * delete key takes the open letter too. The store gets exactly the characters typed.
 */
class PinLettersJourneyTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-24T00:00:00Z");
    /** What the test types as {@link #typeLetterPin()}, from the abc mode. */
    private static final String LETTER_PIN = "mix3Up";

    @TempDir
    Path data;
    private ShellRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ShellRig(data, "en");
        rig.awaitText("status: Redoubt Net");
        rig.telephony.enterPin("1234");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    /** The policy agent enforces a policy asking for 6 letters and digits: the lock's rules, and the shell's view. */
    private void requireLetters() {
        TestStores.pinRules(rig.lock, Map.of("pinMinLength", 6, "pinQuality", "ALPHANUMERIC", "maxFailedForWipe", 10));
        rig.policyChanged(new PolicyState(5, EXPIRES, false, true, new Policy(Map.of(), Optional.empty(),
                Optional.of(new Policy.Password(OptionalInt.of(6), Optional.of(Policy.Quality.ALPHANUMERIC),
                        OptionalInt.of(10))), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty())));
    }

    /** Presses {@code key} {@code times} times in a row (quickly: a multi-tap letter). */
    private void tap(Key key, int times) {
        for (int i = 0; i < times; i++) {
            rig.keypad.press(key);
        }
    }

    /** Types {@value #LETTER_PIN} by multi-tap, from the abc mode and back in it. */
    private void typeLetterPin() {
        tap(Key.DIGIT_6, 1); // m
        tap(Key.DIGIT_4, 3); // g h i
        tap(Key.DIGIT_9, 2); // w x
        tap(Key.DIGIT_3, 4); // d e f 3
        rig.keypad.press(Key.POUND); // ABC
        tap(Key.DIGIT_8, 2); // T U
        rig.keypad.press(Key.POUND, Key.POUND); // 123, abc
        tap(Key.DIGIT_7, 1); // p
    }

    /** @return the frame once the PIN on screen is {@code masks} mask characters */
    private List<String> awaitMasked(int masks) throws InterruptedException {
        String masked = "●".repeat(masks);
        return rig.await(masks + " masked characters", texts -> texts.contains(masked));
    }

    private static boolean showsMode(List<String> texts) {
        return texts.stream().anyMatch(text -> text.endsWith("· # switches"));
    }

    @Test
    void underAnAlphanumericPolicyTheNewPinTakesLettersAndADigitsOnlyOneIsRefused() throws Exception {
        requireLetters();
        List<String> lock = rig.awaitText("abc · # switches");
        assertTrue(lock.contains("Enter PIN"), lock.toString());

        rig.keypad.press(Key.POUND, Key.POUND); // the handset's PIN is still 2468: digits
        rig.awaitText("123 · # switches");
        rig.keypad.type(new String(ShellRig.HANDSET_PIN));
        rig.keypad.press(Key.OK);
        List<String> required = rig.awaitText("A new PIN is required"); // 2468 no longer meets the rules
        assertTrue(required.containsAll(List.of("Current PIN", "abc · # switches",
                "Policy: at least 6 characters, letters and digits, wiped after 10 wrong PINs")), required.toString());

        rig.keypad.press(Key.POUND, Key.POUND);
        rig.keypad.type(new String(ShellRig.HANDSET_PIN));
        rig.keypad.press(Key.OK);
        rig.awaitText("New PIN (letters and digits)");
        rig.keypad.type("135792"); // still in 123
        rig.keypad.press(Key.OK);
        rig.keypad.type("135792");
        rig.keypad.press(Key.OK);
        List<String> refused = rig.awaitText("notice: PIN not allowed by the PIN rules");
        assertTrue(refused.contains("the PIN rules ask for letters and digits, at least one of each"), refused.toString());
        assertEquals(Screens.CHANGE_PIN, rig.shell.shell().topScreen());
        assertTrue(rig.lock.pinChangeRequired());
        assertEquals(0, rig.lock.failedAttempts(), "a PIN the rules refuse is not a wrong PIN");

        rig.keypad.type(new String(ShellRig.HANDSET_PIN));
        rig.keypad.press(Key.OK);
        rig.awaitText("New PIN (letters and digits)");
        rig.keypad.press(Key.POUND); // abc
        typeLetterPin();
        List<String> typed = awaitMasked(LETTER_PIN.length());
        assertTrue(typed.contains("abc · # switches"), typed.toString());
        assertTrue(typed.stream().noneMatch(text -> text.contains(LETTER_PIN)), "masked: " + typed);
        GoldenImages.check("change-pin-letters", rig.screenshot());
        rig.keypad.press(Key.OK);
        rig.awaitText("New PIN again");
        typeLetterPin();
        rig.keypad.press(Key.OK);
        rig.awaitText("notice: PIN changed");
        rig.awaitText("> Dialer");
        assertFalse(rig.lock.pinChangeRequired());

        rig.keypad.press(Key.POWER);
        rig.awaitText("Enter PIN");
        StoreException wrongCase = assertThrows(StoreException.class, () -> rig.lock.unlock("mix3up".toCharArray()));
        assertEquals(StoreException.Reason.WRONG_PIN, wrongCase.reason(), "the store has the capital U");
        rig.lock.unlock(LETTER_PIN.toCharArray());
        assertEquals(LockState.UNLOCKED, rig.lock.state(), "the store has exactly the characters typed");
    }

    @Test
    void theLockScreenTakesAPinWithLettersAndAWrongOneIsCounted() throws Exception {
        requireLetters();
        rig.lock.unlock(ShellRig.HANDSET_PIN.clone());
        rig.lock.changePin(ShellRig.HANDSET_PIN.clone(), LETTER_PIN.toCharArray());
        rig.lock.lock();
        rig.awaitText("abc · # switches");

        tap(Key.DIGIT_6, 1);
        tap(Key.DIGIT_4, 3);
        tap(Key.DIGIT_9, 2);
        tap(Key.DIGIT_3, 4);
        tap(Key.DIGIT_8, 2); // u, not U
        tap(Key.DIGIT_7, 1);
        awaitMasked(6);
        rig.keypad.press(Key.OK);
        rig.awaitText("Wrong PIN (1 failed)");
        assertEquals(1, rig.lock.failedAttempts());
        assertEquals(LockState.LOCKED, rig.lock.state());

        tap(Key.DIGIT_6, 1); // m
        tap(Key.DIGIT_4, 3); // i
        tap(Key.DIGIT_9, 3); // w x y: y is still open
        awaitMasked(3);
        rig.keypad.press(Key.SOFT_RIGHT); // takes the open y
        awaitMasked(2);
        tap(Key.DIGIT_9, 2); // at once: a new letter, w x (had y stayed open, this would go on from it)
        tap(Key.DIGIT_3, 4); // 3
        rig.keypad.press(Key.POUND); // ABC
        tap(Key.DIGIT_8, 2); // U, open
        rig.keypad.press(Key.SOFT_RIGHT);
        tap(Key.DIGIT_8, 2); // U again (had the delete left it open, the 3 before would have become V)
        List<String> typed = awaitMasked(5);
        assertTrue(typed.containsAll(List.of("ABC · # switches", "Wrong PIN (1 failed)")), typed.toString());
        GoldenImages.check("lock-letters", rig.screenshot());
        rig.keypad.press(Key.POUND, Key.POUND); // 123, abc
        tap(Key.DIGIT_7, 1); // p
        rig.keypad.press(Key.OK);
        rig.awaitText("> Dialer");
        assertEquals(LockState.UNLOCKED, rig.lock.state());
        assertEquals(0, rig.lock.failedAttempts());
        assertFalse(rig.lock.pinChangeRequired());
    }

    @Test
    void withoutAPolicyAskingForLettersHashStillSwitchesAndTheEmergencyCallStillWorks() throws Exception {
        // a PIN with letters from an earlier policy; the rules now in force are numeric, and nothing
        // tells the shell that the PIN has letters
        TestStores.pinRules(rig.lock, Map.of("pinQuality", "ALPHANUMERIC"));
        rig.lock.unlock(ShellRig.HANDSET_PIN.clone());
        rig.lock.changePin(ShellRig.HANDSET_PIN.clone(), "ab12cd".toCharArray());
        TestStores.pinRules(rig.lock, Map.of("pinQuality", "NUMERIC"));
        rig.lock.lock();
        List<String> lock = rig.awaitText("Enter PIN");
        assertFalse(showsMode(lock), "digits, as ever: " + lock);

        rig.keypad.press(Key.POUND);
        rig.awaitText("abc · # switches");
        rig.keypad.press(Key.POUND);
        rig.awaitText("ABC · # switches");
        rig.keypad.press(Key.POUND);
        rig.await("digits again, no mode shown", texts -> texts.contains("Enter PIN") && !showsMode(texts));
        rig.keypad.press(Key.POUND);
        rig.awaitText("abc · # switches");
        tap(Key.DIGIT_2, 1);
        awaitMasked(1);

        rig.keypad.press(Key.SOFT_LEFT); // the emergency call, in the letter mode too
        rig.awaitText("Emergency call");
        rig.keypad.type("112");
        rig.keypad.press(Key.CALL);
        rig.awaitText("Emergency · Ringing");
        rig.keypad.press(Key.END);
        lock = rig.awaitText("Enter PIN");
        assertEquals(LockState.LOCKED, rig.lock.state());
        assertFalse(lock.contains("●"), "the PIN typed before the call is gone: " + lock);

        rig.keypad.press(Key.POUND); // abc
        tap(Key.DIGIT_2, 1); // a
        rig.keypad.press(Key.RIGHT); // closes it: the same key again is a new letter
        tap(Key.DIGIT_2, 2); // b
        rig.keypad.press(Key.POUND, Key.POUND); // 123
        rig.keypad.type("12");
        rig.keypad.press(Key.POUND); // abc
        tap(Key.DIGIT_2, 3); // c
        tap(Key.DIGIT_3, 1); // d
        awaitMasked(6);
        rig.keypad.press(Key.OK);
        rig.awaitText("A new PIN is required"); // unlocked; the numeric rules do not admit it
        assertEquals(LockState.UNLOCKED, rig.lock.state());
    }
}
