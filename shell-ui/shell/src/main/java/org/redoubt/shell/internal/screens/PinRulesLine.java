package org.redoubt.shell.internal.screens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.redoubt.shell.internal.policy.PinRules;
import org.redoubt.shell.internal.policy.PolicyStanding;
import org.redoubt.shell.screen.ScreenContext;

/**
 * The PIN rules the policy in force sets, in words, for the PIN screens: information only (the
 * handset lock enforces them and names the rule a refused PIN breaks).
 */
final class PinRulesLine {

    private PinRulesLine() {
    }

    /** @return e.g. "Policy: at least 6 digits, no repeats or sequences, wiped after 10 wrong PINs" */
    static Optional<String> of(Optional<PolicyStanding> standing, ScreenContext context) {
        Optional<PinRules> found = standing.flatMap(PolicyStanding::pinRules).filter(rules -> !rules.isEmpty());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PinRules rules = found.get();
        boolean letters = rules.asksForLetters();
        List<String> parts = new ArrayList<>(3);
        rules.minLength().ifPresent(length -> parts.add(context.text(letters ? "pin.rule.minCharacters"
                : "pin.rule.minDigits", String.valueOf(length))));
        rules.quality().ifPresent(quality -> parts.add(context.text("pin.rule." + quality)));
        rules.wipeAfter().stream().filter(failures -> failures > 0).forEach(failures -> parts.add(
                context.text("pin.rule.wipe", String.valueOf(failures))));
        return Optional.of(context.text("pin.rules", String.join(context.text("pin.rules.separator"), parts)));
    }
}
