package org.redoubt.policy;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The policy in force on this handset, as the policy agent enforces it: for the shell's status bar
 * and settings (which items are managed) and for anything else that must show the user what the
 * fleet decided. Read-only; only a signed policy changes it.
 *
 * <p>When it changes, the agent posts the Event Admin topic {@value #CHANGED_TOPIC} (no properties):
 * read {@link #current()} again then.
 *
 * @since 1.0
 */
@ProviderType
public interface PolicyStatus {

    /** Event Admin topic posted after the policy in force, its staleness or compliance changed. */
    String CHANGED_TOPIC = "org/redoubt/policy/CHANGED";

    /** @return the policy in force; empty when the handset has never received one */
    Optional<PolicyState> current();
}
