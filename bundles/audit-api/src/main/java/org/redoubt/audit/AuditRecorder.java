package org.redoubt.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a bundle that records events holds: the {@link AuditLog} while there is one (an optional,
 * dynamic reference), and the events recorded before it came, up to {@value #MAX_PENDING}, which
 * are appended in order as soon as it is bound. An event that cannot be appended is reported,
 * never thrown at the caller: the action it records has already been decided. Thread-safe.
 *
 * @since 1.0
 */
public final class AuditRecorder {

    /** How many events are kept while no audit log is bound. */
    public static final int MAX_PENDING = 64;

    private final Consumer<String> failures;
    private final Deque<AuditEvent> pending = new ArrayDeque<>();
    private AuditLog log; // guarded by this
    private long dropped; // guarded by this

    /** @param failures told (without secrets) of each event that could not be recorded */
    public AuditRecorder(Consumer<String> failures) {
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * Records an event now if an audit log is bound, else when one is.
     *
     * @param event what happened
     */
    public synchronized void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (log == null) {
            if (pending.size() == MAX_PENDING) {
                pending.removeFirst();
                dropped++;
            }
            pending.addLast(event);
            return;
        }
        append(log, event);
    }

    /** @param next the audit log that came; the pending events are appended to it first */
    public synchronized void bind(AuditLog next) {
        log = Objects.requireNonNull(next, "next");
        if (dropped > 0) {
            failures.accept(dropped + " audit events were dropped while no audit log was there");
            dropped = 0;
        }
        while (!pending.isEmpty()) {
            append(next, pending.removeFirst());
        }
    }

    /** @param gone the audit log that went; events are kept again until another comes */
    public synchronized void unbind(AuditLog gone) {
        if (log == gone) {
            log = null;
        }
    }

    /** @return how many events wait for an audit log */
    public synchronized int pending() {
        return pending.size();
    }

    private void append(AuditLog target, AuditEvent event) {
        try {
            target.append(event);
        } catch (AuditException | RuntimeException e) {
            failures.accept("could not record " + event.kind() + ": " + e.getMessage());
        }
    }
}
