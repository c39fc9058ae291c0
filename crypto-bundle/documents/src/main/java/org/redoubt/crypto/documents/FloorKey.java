package org.redoubt.crypto.documents;

import java.util.Objects;

/**
 * Where one anti-rollback floor is kept: per signing role, document type and target.
 *
 * @param role         the role that signs such documents (so a root rotation can clear it)
 * @param documentType the document type
 * @param targetKey    {@link Target#key()} of the document's target
 * @since 1.0
 */
public record FloorKey(Role role, String documentType, String targetKey) {

    /** @throws NullPointerException when a part is null */
    public FloorKey {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(targetKey, "targetKey");
    }
}
