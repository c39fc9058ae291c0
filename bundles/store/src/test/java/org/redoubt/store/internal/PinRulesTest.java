package org.redoubt.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/** Each PIN rule (policy {@code password.minLength}, {@code password.quality}) on its own. */
class PinRulesTest {

    private static final PinRules NUMERIC = new PinRules(4, PinQuality.NUMERIC, 0);
    private static final PinRules COMPLEX = new PinRules(4, PinQuality.NUMERIC_COMPLEX, 0);
    private static final PinRules ALPHANUMERIC = new PinRules(4, PinQuality.ALPHANUMERIC, 0);

    private static Reason refused(PinRules rules, String pin) {
        return assertThrows(StoreException.class, () -> rules.check(pin.toCharArray()), pin).reason();
    }

    @Test
    void theMinimumLengthCounts() throws StoreException {
        PinRules six = new PinRules(6, PinQuality.NUMERIC, 0);
        assertEquals(Reason.PIN_TOO_WEAK, refused(six, "24680"));
        six.check("246801".toCharArray());
        assertEquals(Reason.PIN_TOO_WEAK, refused(six, "2468"));
        assertEquals(Reason.INVALID_ARGUMENT, refused(six, "123"), "shorter than any PIN: malformed");
        assertEquals(Reason.INVALID_ARGUMENT, refused(six, "1".repeat(17)), "longer than any PIN: malformed");
    }

    @Test
    void numericTakesDigitsOnly() throws StoreException {
        NUMERIC.check("1111".toCharArray());
        NUMERIC.check("1234".toCharArray());
        assertEquals(Reason.PIN_TOO_WEAK, refused(NUMERIC, "12a4"));
        assertEquals(Reason.INVALID_ARGUMENT, refused(NUMERIC, "12-4"), "no rule allows other characters");
        assertEquals(Reason.INVALID_ARGUMENT, refused(ALPHANUMERIC, "ab 12"));
        assertEquals(Reason.INVALID_ARGUMENT, refused(ALPHANUMERIC, "ab\u00e912"), "A-Z, a-z only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1111", "00000", "1234", "9876", "3456789", "0123", "52222", "8765204", "91234"})
    void numericComplexRefusesRepeatsAndCountingRuns(String pin) {
        StoreException e = assertThrows(StoreException.class, () -> COMPLEX.check(pin.toCharArray()));
        assertEquals(Reason.PIN_TOO_WEAK, e.reason());
        assertFalse(e.getMessage().contains(pin), "the message names the rule, never the PIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1112", "1235", "2468", "1357", "9875", "2580", "123123", "7890"})
    void numericComplexTakesTheRest(String pin) throws StoreException {
        COMPLEX.check(pin.toCharArray());
    }

    @Test
    void numericComplexTakesNoLetters() {
        assertEquals(Reason.PIN_TOO_WEAK, refused(COMPLEX, "a2c4"));
    }

    @Test
    void alphanumericNeedsALetterAndADigit() throws StoreException {
        assertEquals(Reason.PIN_TOO_WEAK, refused(ALPHANUMERIC, "2468"));
        assertEquals(Reason.PIN_TOO_WEAK, refused(ALPHANUMERIC, "abcd"));
        ALPHANUMERIC.check("ab12".toCharArray());
        ALPHANUMERIC.check("Z9z9".toCharArray());
        assertTrue(ALPHANUMERIC.admits("ab12".toCharArray()));
        assertFalse(ALPHANUMERIC.admits("2468".toCharArray()));
        assertFalse(ALPHANUMERIC.admits(null));
    }

    @Test
    void theWipeCountsFromTheConfiguredNumber() {
        PinRules three = new PinRules(4, PinQuality.NUMERIC, 3);
        assertFalse(three.wipesAt(2));
        assertTrue(three.wipesAt(3));
        assertTrue(three.wipesAt(4), "a count above (the limit was lowered) wipes at the next wrong PIN");
        assertFalse(NUMERIC.wipesAt(1000), "0 is off");
    }

    @Test
    void configurationErrorsAreReportedAndReplacedBySafeValues() {
        List<String> errors = new ArrayList<>();
        assertEquals(new PinRules(4, PinQuality.NUMERIC, 0), PinRules.of(4, "NUMERIC", 0, errors::add));
        assertTrue(errors.isEmpty());
        assertEquals(new PinRules(16, PinQuality.NUMERIC_COMPLEX, 0), PinRules.of(40, "LONG", -1, errors::add));
        assertEquals(3, errors.size(), errors.toString());
        assertEquals(4, PinRules.of(2, "ALPHANUMERIC", 5, errors::add).minLength());
        assertEquals(4, errors.size());
        assertThrows(IllegalArgumentException.class, () -> new PinRules(3, PinQuality.NUMERIC, 0));
    }
}
