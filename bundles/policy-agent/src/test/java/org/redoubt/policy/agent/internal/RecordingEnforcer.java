package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.redoubt.policy.Policy;

/** Remembers what it was asked to enforce; fails on demand, like a configuration that cannot be written. */
final class RecordingEnforcer implements Enforcer {

    record Call(Policy policy, boolean stale) {
    }

    final List<Call> calls = new ArrayList<>();
    boolean failNext;

    @Override
    public void enforce(Policy policy, boolean stale) throws IOException {
        if (failNext) {
            failNext = false;
            throw new IOException("configuration store full");
        }
        calls.add(new Call(policy, stale));
    }

    Policy last() {
        return calls.get(calls.size() - 1).policy();
    }
}
