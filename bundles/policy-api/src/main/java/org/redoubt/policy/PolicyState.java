package org.redoubt.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The policy in force and how it stands.
 *
 * @param version   the signed document's version
 * @param expires   when it stops being current
 * @param stale     whether it has expired (onStale then applies)
 * @param compliant whether the handset enforces all of it (false after a failed enforcement, or
 *                  once stale)
 * @param policy    its fields; a field left out is not managed
 * @since 1.0
 */
public record PolicyState(long version, Instant expires, boolean stale, boolean compliant, Policy policy) {

    /** Checks the values. */
    public PolicyState {
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(policy, "policy");
    }
}
