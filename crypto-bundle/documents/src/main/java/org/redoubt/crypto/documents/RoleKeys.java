package org.redoubt.crypto.documents;

import java.util.Objects;
import java.util.Set;

import org.redoubt.crypto.api.KeyId;

/**
 * The keys of one role and how many of them must sign.
 *
 * @param keyIds    the role's key ids, at least one
 * @param threshold how many distinct keys must sign, 1 to {@code keyIds.size()}
 * @since 1.0
 */
public record RoleKeys(Set<KeyId> keyIds, int threshold) {

    /**
     * @throws IllegalArgumentException when the threshold is outside 1..number of keys
     */
    public RoleKeys {
        keyIds = Set.copyOf(Objects.requireNonNull(keyIds, "keyIds"));
        if (threshold < 1 || threshold > keyIds.size()) {
            throw new IllegalArgumentException("threshold must be 1.." + keyIds.size() + ": " + threshold);
        }
    }
}
