package org.redoubt.shell.internal.policy;

import java.util.Optional;

/** The policy's mark in the status bar. */
public enum PolicyMark {
    /** No policy (or no policy agent): no mark. */
    NONE,
    /** A current policy, all of it enforced. */
    IN_FORCE,
    /** The policy has expired and no newer one came. */
    STALE,
    /** Part of the policy could not be enforced. */
    NOT_COMPLIANT;

    /** @return the mark of a policy, or {@link #NONE} without one */
    public static PolicyMark of(Optional<PolicyStanding> standing) {
        return standing.map(PolicyStanding::mark).orElse(NONE);
    }
}
