package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.redoubt.shell.internal.policy.PolicyStatusView;
import org.redoubt.shell.internal.screens.Screens;

/**
 * The policy in force as the user sees it, with the policy agent's {@code PolicyStatus} played by
 * the test: the status bar's mark (none, in force, stale, not compliant) redrawn on the agent's
 * CHANGED event, the agent going and coming back, the policy's version in About, and the policy's
 * PIN rules on the change-PIN screen; the language stays the user's.
 */
class PolicyStatusJourneyTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-24T00:00:00Z");
    private static final Policy.Password PIN_RULES = new Policy.Password(OptionalInt.of(6),
            Optional.of(Policy.Quality.NUMERIC_COMPLEX), OptionalInt.of(10));

    @TempDir
    Path data;
    private ShellRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ShellRig(data, "en");
        rig.awaitText("status: Redoubt Net");
        rig.telephony.enterPin("1234");
        rig.awaitText("Enter PIN");
        rig.keypad.type(new String(ShellRig.HANDSET_PIN));
        rig.keypad.press(Key.OK);
        rig.awaitText("> Dialer");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private static PolicyState state(long version, boolean stale, boolean compliant, Optional<Policy.Password> pin) {
        return new PolicyState(version, EXPIRES, stale, compliant, new Policy(Map.of(), Optional.empty(), pin,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty()));
    }

    /** @return the frame once its status bar says exactly {@code mark} of the policy (or nothing, for null) */
    private List<String> awaitMark(String mark) throws InterruptedException {
        return rig.await(mark == null ? "no policy mark" : "'" + mark + "'", texts -> {
            List<String> marks = texts.stream().filter(t -> t.startsWith("status: policy")).toList();
            return mark == null ? marks.isEmpty() : marks.equals(List.of(mark));
        });
    }

    @Test
    void theStatusBarMarksThePolicyAndDrawsAgainWhenTheAgentAnnouncesAChange() throws Exception {
        awaitMark(null); // no policy yet: nothing (the golden "home" is this frame)

        rig.policyChanged(state(5, false, true, Optional.empty()));
        awaitMark("status: policy v5");
        GoldenImages.check("status-policy", rig.screenshot());

        rig.policyChanged(state(6, false, false, Optional.empty()));
        awaitMark("status: policy v6 not compliant");
        GoldenImages.check("status-policy-not-compliant", rig.screenshot());

        rig.keypad.press(Key.POWER); // the stale mark next to the lock
        rig.awaitText("Enter PIN");
        rig.policyChanged(state(6, true, false, Optional.empty()));
        List<String> stale = awaitMark("status: policy v6 stale");
        assertTrue(stale.contains("status: locked"), stale.toString());
        GoldenImages.check("status-policy-stale", rig.screenshot());
    }

    @Test
    void theShellKeepsWorkingWhileTheAgentIsUpdated() throws Exception {
        rig.policyChanged(state(5, false, true, Optional.empty()));
        awaitMark("status: policy v5");

        rig.shell.unbindPolicy(rig.policy); // the agent bundle stops: its PolicyStatus, so PolicyStatusView, go
        awaitMark(null);
        rig.keypad.press(Key.DOWN);
        rig.awaitText("> Messages");

        TestPolicyStatus restarted = new TestPolicyStatus(); // and comes back, with the stored policy
        restarted.set(state(5, false, true, Optional.empty()));
        rig.shell.bindPolicy(new PolicyStatusView(restarted));
        awaitMark("status: policy v5");
        assertEquals(Screens.HOME, rig.shell.shell().topScreen());
    }

    @Test
    void aboutShowsTheReleaseAndThePolicyVersion() throws Exception {
        rig.keypad.press(Key.UP, Key.OK); // settings
        rig.awaitText("> Language: English");
        rig.keypad.press(Key.DOWN, Key.DOWN, Key.DOWN, Key.OK);
        List<String> none = rig.awaitText("Policy: none");
        assertTrue(none.containsAll(List.of("Release: 7", "Model: redoubt-emulator", "Device: test-handset")),
                none.toString());

        rig.policyChanged(state(5, false, true, Optional.empty())); // drawn again on the event, on any screen
        rig.awaitText("Policy: v5");
        GoldenImages.check("about", rig.screenshot());
        rig.policyChanged(state(5, true, false, Optional.empty()));
        rig.awaitText("Policy: v5 (stale)");
        rig.policyChanged(state(6, false, false, Optional.empty()));
        rig.awaitText("Policy: v6 (not compliant)");

        rig.keypad.press(Key.SOFT_RIGHT);
        rig.keypad.press(Key.DOWN, Key.OK); // the language wraps round to the top
        rig.awaitText("> 语言：中文");
        rig.policyChanged(state(6, true, false, Optional.empty()));
        rig.keypad.press(Key.UP, Key.OK);
        List<String> chinese = rig.awaitText("策略：v6（已过期）");
        assertTrue(chinese.contains("版本：7"), chinese.toString());
    }

    @Test
    void changingThePinShowsThePolicysRulesAndTheLanguageStaysTheUsers() throws Exception {
        rig.policyChanged(state(5, false, true, Optional.of(PIN_RULES)));
        rig.keypad.press(Key.UP, Key.OK); // settings
        rig.awaitText("> Language: English");
        rig.keypad.press(Key.OK); // the policy does not manage the language
        rig.awaitText("> 语言：中文");
        rig.keypad.press(Key.DOWN, Key.OK);
        rig.awaitText("策略：至少6位数字，不得重复或连续，输错10次清除数据");

        rig.keypad.press(Key.SOFT_RIGHT);
        rig.keypad.press(Key.UP, Key.OK);
        rig.awaitText("> Language: English");
        rig.keypad.press(Key.DOWN, Key.OK);
        List<String> rules = rig.awaitText("Policy: at least 6 digits, no repeats or sequences, wiped after 10 wrong PINs");
        assertTrue(rules.contains("Current PIN"), rules.toString());

        rig.policyChanged(state(6, false, true, Optional.empty())); // a policy without PIN rules
        rig.await("no PIN rules", texts -> texts.contains("Current PIN")
                && texts.stream().noneMatch(t -> t.startsWith("Policy:")));
    }
}
