package org.redoubt.runtime.launcher;

import java.util.List;
import java.util.Objects;

import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.firewall.ServiceRules;

/**
 * The {@link ServiceRules} service the system bundle offers: always the rules in force right now
 * (the running release's, or a staged candidate's), read from {@link AdmittedReleases}.
 */
final class RulesInForce implements ServiceRules {

    private final AdmittedReleases admitted;

    RulesInForce(AdmittedReleases admitted) {
        this.admitted = Objects.requireNonNull(admitted, "admitted");
    }

    @Override
    public long release() {
        return admitted.rules().release();
    }

    @Override
    public List<String> guarded() {
        return admitted.rules().guarded();
    }

    @Override
    public List<ServiceGrant> grants() {
        return admitted.rules().grants();
    }

    @Override
    public boolean permits(String bundle, String name) {
        return admitted.rules().permits(bundle, name);
    }

    @Override
    public String toString() {
        return admitted.rules().toString();
    }
}
