package org.redoubt.shell.internal;

import java.util.Objects;
import java.util.Optional;

import org.redoubt.shell.internal.policy.PolicyStanding;

/**
 * What the status bar shows.
 *
 * @param operator     the network's name, empty when not registered
 * @param bars         signal, 0..4
 * @param registered   whether there is service
 * @param batteryLevel 0..100, or -1 when unknown
 * @param charging     whether it charges
 * @param locked       whether the handset is locked
 * @param policy       the policy in force, empty without one (or without the policy agent)
 */
record HandsetStatus(String operator, int bars, boolean registered, int batteryLevel, boolean charging, boolean locked,
        Optional<PolicyStanding> policy) {

    static final HandsetStatus UNKNOWN = new HandsetStatus("", 0, false, -1, false, false, Optional.empty());

    HandsetStatus {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(policy, "policy");
    }
}
