package org.redoubt.runtime.firewall;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of attempts the rules stopped. Registered as a service (whiteboard); called on the
 * firewall's own thread, never on the thread that made the attempt, once per distinct
 * (bundle, kind, target) in each release. Attempts made before any listener was registered are
 * kept (the first {@value ServiceRules#MAX_PENDING_VIOLATIONS}) and delivered to the first one.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface RuleViolationListener {

    /** @param violation what was stopped */
    void violated(RuleViolation violation);
}
