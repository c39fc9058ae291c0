package org.redoubt.audit.internal;

import java.util.Objects;
import java.util.function.Consumer;

import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditException;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditLog;
import org.redoubt.runtime.firewall.RuleViolation;
import org.redoubt.runtime.firewall.RuleViolationListener;

/**
 * Records what the launcher's service firewall stopped as {@code RULE_VIOLATION} entries (details
 * {@code bundle}, {@code kind}, {@code target}, {@code at}: when it was stopped). The firewall calls
 * it on its own thread, so the wait for the disk delays nobody.
 */
final class RuleViolationRecorder implements RuleViolationListener {

    private final AuditLog log;
    private final Consumer<String> journal;

    RuleViolationRecorder(AuditLog log, Consumer<String> journal) {
        this.log = Objects.requireNonNull(log, "log");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public void violated(RuleViolation violation) {
        AuditEvent event = AuditEvent.of(AuditKind.RULE_VIOLATION).with("bundle", violation.bundle())
                .with("kind", violation.kind().name()).with("target", violation.target())
                .with("at", violation.time().toString());
        try {
            log.append(event);
        } catch (AuditException e) {
            journal.accept("rule violation not recorded (" + violation + "): " + e.getMessage());
        }
    }
}
