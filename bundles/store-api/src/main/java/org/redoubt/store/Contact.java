package org.redoubt.store;

import java.util.Objects;

/**
 * One contact.
 *
 * @param id     the store's id
 * @param name   the name, 1..64 characters
 * @param number the phone number, 1..32 of {@code 0-9 + * #}
 * @since 1.0
 */
public record Contact(long id, String name, String number) {

    /** Checks that nothing is missing. */
    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
    }
}
