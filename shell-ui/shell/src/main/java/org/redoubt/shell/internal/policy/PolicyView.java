package org.redoubt.shell.internal.policy;

import java.util.Optional;

/**
 * What the shell shows of the policy in force, in the shell's own terms. A service inside the
 * shell bundle, registered by {@link PolicyStatusView} while the policy agent's
 * {@code PolicyStatus} is there; the status bar, About and the PIN screens bind it optionally.
 */
public interface PolicyView {

    /** @return the policy in force and how it stands; empty when the handset never received one */
    Optional<PolicyStanding> standing();
}
