package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.util.converter.Converters;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyState;

/**
 * The real policy agent, for the fleet tool's end-to-end test: it lives in the agent's package
 * because the agent has no public API besides its OSGi component. The handset's data directory
 * must hold {@code trust/root.json}, {@code trust/broker-ca.pem} and {@code keys/device.crt}.
 */
public final class HandsetUnderTest implements AutoCloseable {

    private final PolicyAgent agent;
    private final List<Policy> enforced;

    private HandsetUnderTest(PolicyAgent agent, List<Policy> enforced) {
        this.agent = agent;
        this.enforced = enforced;
    }

    /**
     * @param data      the handset's data directory
     * @param deviceId  its id, the common name of its certificate
     * @param keys      its identity key pair (the certificate's key)
     * @param brokerUri {@code ssl://localhost:<port>}
     * @return the started agent, connecting in the background
     */
    public static HandsetUnderTest start(Path data, String deviceId, KeyPair keys, String brokerUri) throws IOException {
        List<Policy> enforced = new java.util.concurrent.CopyOnWriteArrayList<>();
        PolicyAgentComponent.Config config = Converters.standardConverter()
                .convert(Map.of("brokerUri", brokerUri, "maxReconnectSeconds", 1)).to(PolicyAgentComponent.Config.class);
        Map<String, String> properties = Map.of("redoubt.data.dir", data.toString(), "redoubt.device.id", deviceId,
                "redoubt.device.group", "field", "redoubt.device.model", "rdt-1");
        PolicyAgent agent = PolicyAgentComponent.create(properties::get, config, TestFleet.PROVIDER,
                new TestIdentity(deviceId, keys), (policy, stale) -> enforced.add(policy), action -> {
                }, directory -> StatusFacts.NONE, line -> {
                }, () -> {
                }, new AuditRecorder(line -> {
                }));
        agent.start();
        return new HandsetUnderTest(agent, enforced);
    }

    /** @return the policy in force as the handset's status service reports it */
    public Optional<PolicyState> state() {
        return agent.state();
    }

    /** @return every policy the agent put in force, in order */
    public List<Policy> enforced() {
        synchronized (enforced) {
            return List.copyOf(enforced);
        }
    }

    @Override
    public void close() {
        agent.close();
    }
}
