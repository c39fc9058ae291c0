package org.redoubt.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Messages (SMS), grouped in threads by the other party's number.
 *
 * <p>Numbers are 1..32 of {@code 0-9 + * #}. A received message's sender, and so a thread's address,
 * may instead be a sender name (an alphanumeric SMS sender such as {@code Redoubt}): 1..32
 * characters without control characters or surrounding spaces. A body is at most
 * {@value #MAX_BODY_LENGTH} characters.
 *
 * @since 1.0
 */
@ProviderType
public interface MessageStore {

    /** The longest body, in characters (a long concatenated SMS). */
    int MAX_BODY_LENGTH = 8192;

    /**
     * Keeps a received message. Works while the handset is locked: then it is sealed to the
     * inbox and becomes readable after the next unlock. When this returns the message is on disk.
     *
     * @param from the sender's number or name
     * @param body the text
     * @param time when the network says it was sent
     * @return the message's id
     * @throws StoreException {@code INVALID_ARGUMENT}, {@code NO_PIN} (a handset without a PIN has no
     *                        keys to seal to), {@code IO_FAILURE}
     */
    long deliver(String from, String body, Instant time) throws StoreException;

    /**
     * Keeps a message the user sent.
     *
     * @param to   the recipient's number
     * @param body the text
     * @param time when it was sent
     * @return the stored message
     * @throws StoreException {@code LOCKED}, {@code INVALID_ARGUMENT}, {@code IO_FAILURE}
     */
    Message addSent(String to, String body, Instant time) throws StoreException;

    /**
     * @param id a message's id
     * @return the message, if there is one with that id
     * @throws StoreException {@code LOCKED}, {@code TAMPERED}
     */
    Optional<Message> message(long id) throws StoreException;

    /**
     * @return every thread, the one with the newest message first
     * @throws StoreException {@code LOCKED}, {@code TAMPERED}, {@code IO_FAILURE}
     */
    List<MessageThread> threads() throws StoreException;

    /**
     * @param address the other party's number or sender name
     * @return the thread's messages, oldest first (empty when there is no such thread)
     * @throws StoreException {@code LOCKED}, {@code INVALID_ARGUMENT}, {@code TAMPERED}
     */
    List<Message> thread(String address) throws StoreException;

    /**
     * @param address the other party's number or sender name
     * @return how many messages were marked read
     * @throws StoreException {@code LOCKED}, {@code INVALID_ARGUMENT}, {@code IO_FAILURE}
     */
    int markRead(String address) throws StoreException;

    /**
     * @param id a message's id
     * @throws StoreException {@code NOT_FOUND}, {@code LOCKED}, {@code IO_FAILURE}
     */
    void delete(long id) throws StoreException;

    /**
     * Finds messages whose body or number contains {@code text}, ignoring case. The search runs
     * over records opened in memory; nothing of it is written anywhere.
     *
     * @param text 1..64 characters
     * @return the matching messages, newest first
     * @throws StoreException {@code LOCKED}, {@code INVALID_ARGUMENT}, {@code TAMPERED}
     */
    List<Message> search(String text) throws StoreException;
}
