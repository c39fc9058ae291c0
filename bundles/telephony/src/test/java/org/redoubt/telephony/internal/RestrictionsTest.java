package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.redoubt.telephony.internal.Restrictions.Direction;
import org.redoubt.telephony.internal.Restrictions.Mode;
import org.redoubt.telephony.internal.Restrictions.Rule;

/** Each mode of a direction's rule and emergency-only, on their own. */
class RestrictionsTest {

    private static final Set<String> EMERGENCY = Set.of("112", "110");

    private static Rule rule(Mode mode, String[] allow, String[] deny) {
        return new Rule(mode, Restrictions.compile(allow), Restrictions.compile(deny));
    }

    private static Restrictions outgoingCalls(Rule rule, boolean emergencyOnly) {
        Map<Direction, Rule> rules = new EnumMap<>(Direction.class);
        rules.put(Direction.OUTGOING_CALL, rule);
        return new Restrictions(new Restrictions.Settings(EMERGENCY, rules, emergencyOnly));
    }

    private static final String[] ALLOW = {"+49170*"};
    private static final String[] DENY = {"+4917066*", "+4930*"};

    @Test
    void theEmptyModeIsTheRuleBeforeModes() {
        Restrictions open = outgoingCalls(rule(Mode.DEFAULT, new String[0], DENY), false);
        assertTrue(open.permits(Direction.OUTGOING_CALL, "+4940123"), "no allow-list: all but the deny-list");
        assertFalse(open.permits(Direction.OUTGOING_CALL, "+4930123"));
        Restrictions listed = outgoingCalls(rule(Mode.DEFAULT, ALLOW, DENY), false);
        assertTrue(listed.permits(Direction.OUTGOING_CALL, "+491701234"));
        assertFalse(listed.permits(Direction.OUTGOING_CALL, "+4940123"));
        assertFalse(listed.permits(Direction.OUTGOING_CALL, "+491706612"), "the deny-list wins");
    }

    @Test
    void allowAllLetsEverythingThrough() {
        Restrictions all = outgoingCalls(rule(Mode.ALLOW_ALL, ALLOW, DENY), false);
        assertTrue(all.permits(Direction.OUTGOING_CALL, "+4930123"));
        assertTrue(all.permits(Direction.OUTGOING_CALL, "+4940123"));
    }

    @Test
    void anAllowlistPassesOnlyItsNumbersAndNothingWhenEmpty() {
        Restrictions listed = outgoingCalls(rule(Mode.ALLOWLIST, ALLOW, DENY), false);
        assertTrue(listed.permits(Direction.OUTGOING_CALL, "+491701234"));
        assertFalse(listed.permits(Direction.OUTGOING_CALL, "+4940123"));
        assertFalse(listed.permits(Direction.OUTGOING_CALL, "+491706612"), "the deny-list still wins");
        Restrictions empty = outgoingCalls(rule(Mode.ALLOWLIST, new String[0], new String[0]), false);
        assertFalse(empty.permits(Direction.OUTGOING_CALL, "+491701234"));
        assertTrue(empty.permits(Direction.OUTGOING_CALL, "112"), "emergency numbers always");
    }

    @Test
    void aDenylistPassesAllButItsNumbers() {
        Restrictions denied = outgoingCalls(rule(Mode.DENYLIST, ALLOW, DENY), false);
        assertTrue(denied.permits(Direction.OUTGOING_CALL, "+4940123"), "the allow-list is not used");
        assertFalse(denied.permits(Direction.OUTGOING_CALL, "+4930123"));
        assertTrue(outgoingCalls(rule(Mode.DENYLIST, ALLOW, new String[0]), false)
                .permits(Direction.OUTGOING_CALL, "+4930123"));
    }

    @Test
    void emergencyOnlyRefusesOtherCallsAndAllOutgoingSmsButNothingComingIn() {
        Restrictions only = outgoingCalls(rule(Mode.ALLOW_ALL, new String[0], new String[0]), true);
        assertTrue(only.permits(Direction.OUTGOING_CALL, "110"));
        assertFalse(only.permits(Direction.OUTGOING_CALL, "+4940123"));
        assertFalse(only.permits(Direction.OUTGOING_SMS, "+4940123"));
        assertFalse(only.permits(Direction.OUTGOING_SMS, "112"), "no SMS at all");
        assertTrue(only.permits(Direction.INCOMING_CALL, "+4940123"));
        assertTrue(only.permits(Direction.INCOMING_SMS, "+4940123"));
    }

    @Test
    void anUpdateReplacesEverythingAtOnce() {
        Restrictions restrictions = outgoingCalls(rule(Mode.ALLOWLIST, new String[0], new String[0]), false);
        assertFalse(restrictions.permits(Direction.OUTGOING_CALL, "+4940123"));
        restrictions.update(new Restrictions.Settings(Set.of("999"), Map.of(), false));
        assertTrue(restrictions.permits(Direction.OUTGOING_CALL, "+4940123"));
        assertTrue(restrictions.isEmergency("999"));
        assertFalse(restrictions.isEmergency("112"));
    }

    @Test
    void modesAreReadStrictlyAndAnUnknownOneFailsClosed() {
        List<String> errors = new ArrayList<>();
        assertEquals(Mode.DEFAULT, Mode.of("", errors::add));
        assertEquals(Mode.DEFAULT, Mode.of(null, errors::add));
        assertEquals(Mode.ALLOW_ALL, Mode.of("ALLOW_ALL", errors::add));
        assertEquals(Mode.DENYLIST, Mode.of(" denylist ", errors::add));
        assertTrue(errors.isEmpty());
        assertEquals(Mode.ALLOWLIST, Mode.of("BLOCK_SOME", errors::add));
        assertEquals(Mode.ALLOWLIST, Mode.of("DEFAULT", errors::add), "DEFAULT is spelled as empty");
        assertEquals(2, errors.size());
    }
}
