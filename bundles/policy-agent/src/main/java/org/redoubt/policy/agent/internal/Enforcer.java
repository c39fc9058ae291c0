package org.redoubt.policy.agent.internal;

import java.io.IOException;

import org.redoubt.policy.Policy;

/** Puts a policy in force, all or nothing. */
@FunctionalInterface
interface Enforcer {

    /**
     * @param policy the policy ({@link Policy#NONE} manages nothing)
     * @param stale  whether it has expired (what onStale says then applies)
     * @throws IOException when it could not be put in force; everything is then as before
     */
    void enforce(Policy policy, boolean stale) throws IOException;
}
