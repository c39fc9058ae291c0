package org.redoubt.policy.agent.internal;

import java.util.Objects;
import java.util.Optional;

import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditRecorder;

/**
 * Records every decision the agent acknowledges in the audit log: a document put in force, and
 * every refusal or failure with its reason code. Every path of the policy, command and root code
 * ends in one {@link Ack}, so recording the ack before it is published leaves no path unrecorded.
 * A redelivered copy ({@link Ack.Result#ALREADY_APPLIED}) changed nothing and is not recorded.
 */
final class AuditTrail {

    /** Which document an ack answers. */
    enum Document {
        POLICY(AuditKind.POLICY_APPLIED, AuditKind.POLICY_REJECTED),
        COMMAND(AuditKind.COMMAND_EXECUTED, AuditKind.COMMAND_REJECTED),
        ROOT(AuditKind.ROOT_ROTATED, AuditKind.ROOT_REJECTED);

        private final AuditKind done;
        private final AuditKind refused;

        Document(AuditKind done, AuditKind refused) {
            this.done = done;
            this.refused = refused;
        }
    }

    private final AuditRecorder recorder;

    /** @param recorder the audit log, while there is one */
    AuditTrail(AuditRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * @param document what the ack answers
     * @param ack      the decision, about to be published
     * @return the event recorded, if the decision is one
     */
    Optional<AuditEvent> decided(Document document, Ack ack) {
        AuditEvent event = switch (ack.result()) {
            case ALREADY_APPLIED -> null;
            case APPLIED -> AuditEvent.of(document.done);
            case REJECTED, FAILED -> AuditEvent.refused(document.refused, reasonCode(ack))
                    .with("result", ack.result().name());
        };
        if (event == null) {
            return Optional.empty();
        }
        event = event.with("envelope", ack.envelope()).with("document", ack.document());
        if (ack.version().isPresent()) {
            event = event.with("version", Long.toString(ack.version().getAsLong()));
        }
        recorder.record(event);
        return Optional.of(event);
    }

    /** @return the ack's reason code, or {@code UNSPECIFIED} when it has none of the code's form */
    private static String reasonCode(Ack ack) {
        return ack.reason().filter(reason -> reason.matches("[A-Z0-9_]{1,64}")).orElse("UNSPECIFIED");
    }
}
