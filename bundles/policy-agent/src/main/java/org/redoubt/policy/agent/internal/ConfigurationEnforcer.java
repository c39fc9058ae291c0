package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.util.Objects;

import org.osgi.service.cm.ConfigurationAdmin;
import org.redoubt.policy.Policy;

/** Puts a policy in force through the configurations of the components that enforce its fields. */
final class ConfigurationEnforcer implements Enforcer {

    private final SettingsTransaction transaction;

    ConfigurationEnforcer(ConfigurationAdmin admin) {
        this.transaction = new SettingsTransaction(Objects.requireNonNull(admin, "admin"));
    }

    @Override
    public void enforce(Policy policy, boolean stale) throws IOException {
        transaction.apply(ManagedSettings.of(policy, stale));
    }
}
