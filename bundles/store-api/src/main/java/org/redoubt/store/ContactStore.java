package org.redoubt.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The user's contacts. Every method needs the handset unlocked ({@code LOCKED} otherwise).
 *
 * @since 1.0
 */
@ProviderType
public interface ContactStore {

    /**
     * @param name   1..64 characters, no control characters
     * @param number 1..32 of {@code 0-9 + * #}
     * @return the stored contact
     * @throws StoreException {@code INVALID_ARGUMENT}, {@code LOCKED}, {@code IO_FAILURE}
     */
    Contact add(String name, String number) throws StoreException;

    /**
     * @param contact the contact with its new name or number
     * @throws StoreException {@code NOT_FOUND}, {@code INVALID_ARGUMENT}, {@code LOCKED}, {@code IO_FAILURE}
     */
    void update(Contact contact) throws StoreException;

    /**
     * @param id a contact's id
     * @throws StoreException {@code NOT_FOUND}, {@code LOCKED}, {@code IO_FAILURE}
     */
    void delete(long id) throws StoreException;

    /**
     * @return every contact, by name
     * @throws StoreException {@code LOCKED}, {@code TAMPERED}
     */
    List<Contact> list() throws StoreException;

    /**
     * @param number a phone number
     * @return the contact with exactly that number, if any (caller id)
     * @throws StoreException {@code LOCKED}, {@code TAMPERED}
     */
    Optional<Contact> byNumber(String number) throws StoreException;

    /**
     * Finds contacts whose name or number contains {@code text}, ignoring case; in memory only.
     *
     * @param text 1..64 characters
     * @return the matches, by name
     * @throws StoreException {@code LOCKED}, {@code INVALID_ARGUMENT}, {@code TAMPERED}
     */
    List<Contact> search(String text) throws StoreException;
}
