package org.redoubt.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The call log.
 *
 * @since 1.0
 */
@ProviderType
public interface CallLog {

    /**
     * Logs a call. Works while the handset is locked (a missed call, an emergency call): the entry
     * is sealed to the inbox and appears after the next unlock.
     *
     * @param number   the other party's number
     * @param kind     incoming, outgoing or missed
     * @param start    when it started
     * @param duration how long it was connected, zero or more
     * @return the entry's id
     * @throws StoreException {@code INVALID_ARGUMENT}, {@code NO_PIN}, {@code IO_FAILURE}
     */
    long log(String number, CallKind kind, Instant start, Duration duration) throws StoreException;

    /**
     * @return every entry, newest first
     * @throws StoreException {@code LOCKED}, {@code TAMPERED}
     */
    List<CallRecord> list() throws StoreException;

    /**
     * @param id an entry's id
     * @throws StoreException {@code NOT_FOUND}, {@code LOCKED}, {@code IO_FAILURE}
     */
    void delete(long id) throws StoreException;
}
