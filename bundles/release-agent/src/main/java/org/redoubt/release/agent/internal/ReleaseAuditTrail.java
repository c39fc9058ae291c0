package org.redoubt.release.agent.internal;

import java.util.Objects;
import java.util.Optional;

import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditRecorder;

/**
 * Records the outcome of each release in the audit log: committed, rolled back or refused, with the
 * reason code its ack carries. Every release ends in one outcome, acked once; recording it there
 * leaves no refusal unrecorded. A release staged for the next start is recorded when it commits.
 */
final class ReleaseAuditTrail {

    private final AuditRecorder recorder;

    /** @param recorder the audit log, while there is one */
    ReleaseAuditTrail(AuditRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * @param release  the release number, or 0 when the manifest could not be read
     * @param envelope {@code sha256:<hex>} of the received envelope
     * @param state    the outcome, about to be acked
     * @param detail   its detail, for a refusal a reason code, a colon and text
     * @return the event recorded, if the outcome is one
     */
    Optional<AuditEvent> finished(long release, String envelope, ReleaseProgress state, String detail) {
        AuditEvent event = switch (state) {
            case COMMITTED -> AuditEvent.of(AuditKind.RELEASE_COMMITTED);
            case ROLLED_BACK -> AuditEvent.refused(AuditKind.RELEASE_ROLLED_BACK, ReleaseAck.reasonCode(detail));
            case REJECTED -> AuditEvent.refused(AuditKind.RELEASE_REJECTED, ReleaseAck.reasonCode(detail));
            default -> null;
        };
        if (event == null) {
            return Optional.empty();
        }
        event = event.with("envelope", envelope).with("document", ReleaseAck.DOCUMENT);
        if (release > 0) {
            event = event.with("version", Long.toString(release));
        }
        recorder.record(event);
        return Optional.of(event);
    }
}
