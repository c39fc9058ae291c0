package org.redoubt.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a thread.
 *
 * @param id        the store's id, unique on the handset
 * @param address   the other party's number: the thread it belongs to
 * @param direction received or sent
 * @param body      the text
 * @param time      when it was received or sent
 * @param read      whether the user has seen it (sent messages are read)
 * @since 1.0
 */
public record Message(long id, String address, Direction direction, String body, Instant time, boolean read) {

    /** Checks that nothing is missing. */
    public Message {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(time, "time");
    }
}
