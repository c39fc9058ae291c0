package org.redoubt.policy.agent.internal;

import java.time.Instant;
import java.util.Optional;

import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * The retained status of a handset on {@code devices/<id>/status}: online or offline, the policy
 * in force and whether the handset complies with it. Privacy-minimal: facts about the handset
 * only as the policy's {@code reporting.fields} asks ({@link StatusFacts}); never location or
 * contacts.
 */
final class StatusReport {

    private StatusReport() {
    }

    /**
     * @param deviceId  the handset
     * @param policy    the policy in force
     * @param stale     whether it has expired
     * @param compliant whether it is fully in force (its last enforcement did not fail) and not stale
     * @param every     how often the handset reports (policy {@code reporting.interval}): an operator
     *                  can tell a handset that missed its report from one that has nothing to say
     * @param release   the release the handset runs, when known
     * @param facts     the fields the policy asks for ({@code reporting.fields}); empty: none
     * @param at        now
     * @return the online status
     */
    static byte[] online(String deviceId, Optional<AppliedPolicy> policy, boolean stale, boolean compliant,
            java.time.Duration every, java.util.OptionalLong release, JsonObject facts, Instant at) {
        JsonObject.Builder state = JsonObject.builder();
        if (policy.isPresent()) {
            state.put("version", policy.get().header().version())
                    .put("target", policy.get().header().target().key())
                    .put("expires", policy.get().header().expires().toString())
                    .put("state", stale ? "STALE" : "CURRENT");
        } else {
            state.put("state", "NONE");
        }
        JsonObject.Builder status = JsonObject.builder().put("state", "ONLINE").put("device", deviceId)
                .put("policy", state.build()).put("compliant", compliant).put("reportEvery", every.toString());
        release.ifPresent(number -> status.put("release", number));
        if (!facts.members().isEmpty()) {
            status.put("handset", facts);
        }
        return JsonWriter.compact().writeUtf8(status.put("at", at.toString()).build());
    }

    /**
     * @param deviceId the handset
     * @return the last will: what the broker publishes when the handset vanishes
     */
    static byte[] offline(String deviceId) {
        return JsonWriter.compact().writeUtf8(JsonObject.builder().put("state", "OFFLINE").put("device", deviceId).build());
    }
}
