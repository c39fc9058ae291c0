package org.redoubt.policy.agent.internal;

import java.time.Instant;
import java.util.Objects;

import org.redoubt.crypto.documents.DocumentHeader;
import org.redoubt.policy.Policy;

/**
 * The policy in force: its verified header, its fields and the envelope it came in.
 *
 * @param header   version, issuedAt, expires, target
 * @param policy   the fields
 * @param envelope the received bytes, kept so the next boot can verify and enforce it again
 */
record AppliedPolicy(DocumentHeader header, Policy policy, byte[] envelope) {

    AppliedPolicy {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(policy, "policy");
        envelope = envelope.clone();
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    /**
     * @param now the handset's best idea of the time (never before its time floor)
     * @return whether the policy has expired
     */
    boolean staleAt(Instant now) {
        return !header.expires().isAfter(now);
    }
}
