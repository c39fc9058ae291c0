package org.redoubt.audit.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditLog;

/**
 * The audit log service as a recording bundle sees it, kept in memory so that a test of that
 * bundle can read what was recorded. The chain, its durability and its signatures are the audit
 * bundle's and are tested there.
 */
public final class MemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(AuditEvent event) {
        AuditEntry entry = new AuditEntry(entries.size() + 1, Instant.now(), event);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> tail(int max) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - max), entries.size()));
    }

    /** @return the event recorded for the document with this envelope digest ({@code sha256:<hex>}) */
    public synchronized Optional<AuditEvent> forEnvelope(String envelope) {
        return entries.stream().map(AuditEntry::event).filter(e -> envelope.equals(e.details().get("envelope")))
                .reduce((first, second) -> second);
    }
}
