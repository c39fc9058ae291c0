package org.redoubt.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The handset's audit log. Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an event to the chain and returns when it is durable: after a power cut it is still
     * there, and the chain still verifies.
     *
     * @param event what happened
     * @return the entry as recorded
     * @throws AuditException when it could not be written durably (the storage failed or is full)
     */
    AuditEntry append(AuditEvent event) throws AuditException;

    /**
     * @param max how many entries at most
     * @return the newest entries, oldest first (checkpoints included)
     * @throws AuditException when the log cannot be read
     */
    List<AuditEntry> tail(int max) throws AuditException;
}
