package org.redoubt.fleet.cli.documents;

import java.util.Optional;

import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.json.JsonObject;
import org.redoubt.policy.CommandReader;
import org.redoubt.policy.PolicyException;
import org.redoubt.policy.PolicyReader;

/** The strict schema of each kind's body, as the handset reads it. */
final class BodyRules {

    private BodyRules() {
    }

    /**
     * What is wrong with a body.
     *
     * @param reason {@code UNKNOWN_FIELD} or {@code MALFORMED_DOCUMENT}
     * @param path   where, e.g. {@code $.body.radios.nfc}
     * @param detail what
     */
    record Problem(ReasonCode reason, Optional<String> path, String detail) {
    }

    /**
     * @param kind a policy or a command
     * @param body the verified document's body
     * @return the problem, empty when the handset takes the body
     */
    static Optional<Problem> check(DocumentKind kind, JsonObject body) {
        try {
            if (kind == DocumentKind.POLICY) {
                PolicyReader.read(body);
            } else {
                CommandReader.read(body);
            }
            return Optional.empty();
        } catch (PolicyException e) {
            return Optional.of(new Problem(e.reason(), Optional.of(e.path()), e.getMessage()));
        }
    }
}
