package org.redoubt.policy;

import java.util.List;
import java.util.Objects;

/**
 * Which numbers calls or SMS may go to or come from. Patterns are numbers with {@code *} for any
 * digits and {@code ?} for one. Emergency numbers are always allowed out, whatever the rule.
 *
 * @param mode     all, only the allow-list, or all but the deny-list
 * @param patterns the list the mode names (empty for {@code ALLOW_ALL})
 * @since 1.0
 */
public record NumberRule(Mode mode, List<String> patterns) {

    /** How the patterns apply. */
    public enum Mode {
        /** Every number. */
        ALLOW_ALL,
        /** Only numbers matching a pattern. */
        ALLOWLIST,
        /** Every number but those matching a pattern. */
        DENYLIST
    }

    /** Copies the patterns. */
    public NumberRule {
        Objects.requireNonNull(mode, "mode");
        patterns = List.copyOf(patterns);
    }
}
