package org.redoubt.shell.internal.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The policy in force as the shell shows it.
 *
 * @param version   the signed policy's version
 * @param stale     whether it has expired
 * @param compliant whether the handset enforces all of it
 * @param pinRules  the PIN rules it sets, when it has a password section
 */
public record PolicyStanding(long version, boolean stale, boolean compliant, Optional<PinRules> pinRules) {

    /** Checks that nothing is missing. */
    public PolicyStanding {
        Objects.requireNonNull(pinRules, "pinRules");
    }

    /** @return the status bar's mark: a stale policy is not compliant either, and stale says more */
    public PolicyMark mark() {
        if (stale) {
            return PolicyMark.STALE;
        }
        return compliant ? PolicyMark.IN_FORCE : PolicyMark.NOT_COMPLIANT;
    }
}
