package org.redoubt.shell.internal.policy;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyState;
import org.redoubt.policy.PolicyStatus;

/**
 * The policy agent's {@link PolicyStatus} in the shell's terms. The only class of the shell that
 * uses the policy API, whose import is optional: without the agent (or its API bundle) this
 * component is not satisfied, {@link PolicyView} is not registered, and the shell shows no policy.
 * While the agent is updated it goes and comes back with it. It reads the agent on every call, so
 * it is never behind; the agent's {@link PolicyStatus#CHANGED_TOPIC} tells the shell when to draw.
 */
@Component(service = PolicyView.class)
public final class PolicyStatusView implements PolicyView {

    private final PolicyStatus status;

    /** @param status the policy agent's */
    @Activate
    public PolicyStatusView(@Reference PolicyStatus status) {
        this.status = status;
    }

    @Override
    public Optional<PolicyStanding> standing() {
        return status.current().map(PolicyStatusView::standing);
    }

    private static PolicyStanding standing(PolicyState state) {
        return new PolicyStanding(state.version(), state.stale(), state.compliant(),
                state.policy().password().map(PolicyStatusView::rules));
    }

    private static PinRules rules(Policy.Password password) {
        return new PinRules(password.minLength(), password.quality().map(Enum::name), password.maxFailedForWipe());
    }
}
