package org.redoubt.policy.agent.internal;

import java.util.Set;

import org.redoubt.json.JsonObject;
import org.redoubt.policy.Policy.ReportField;

/**
 * What a status report says about the handset beyond its policy: exactly the fields the policy in
 * force asks for ({@code reporting.fields}), nothing else. Called on the agent's thread.
 */
@FunctionalInterface
interface StatusFacts {

    /** Reports nothing beyond the policy: a handset whose policy asks for no field. */
    StatusFacts NONE = fields -> JsonObject.builder().build();

    /**
     * @param fields the fields the policy asks for
     * @return one member per field asked for that the handset can tell now; a field it cannot
     *         tell (no such service running) is listed in the member {@code unavailable}
     */
    JsonObject read(Set<ReportField> fields);
}
