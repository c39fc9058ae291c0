package org.redoubt.shell.internal;

import java.util.Optional;

import org.redoubt.policy.PolicyState;
import org.redoubt.policy.PolicyStatus;

/** The policy agent's status as a test sets it: no policy until {@link #set} is called. */
final class TestPolicyStatus implements PolicyStatus {

    private volatile Optional<PolicyState> state = Optional.empty();

    /** @param next the policy in force from now on */
    void set(PolicyState next) {
        state = Optional.of(next);
    }

    @Override
    public Optional<PolicyState> current() {
        return state;
    }
}
