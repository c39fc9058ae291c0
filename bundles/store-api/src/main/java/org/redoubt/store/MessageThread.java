package org.redoubt.store;

import java.util.Objects;

/**
 * The messages exchanged with one number, as the message list shows them.
 *
 * @param address  the other party's number
 * @param messages how many messages
 * @param unread   how many received messages are unread
 * @param latest   the newest message
 * @since 1.0
 */
public record MessageThread(String address, int messages, int unread, Message latest) {

    /** Checks that nothing is missing. */
    public MessageThread {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(latest, "latest");
    }
}
