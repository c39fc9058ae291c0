package org.redoubt.crypto.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * The members every signed document carries besides its body.
 *
 * @param type     the document type, e.g. {@code redoubt.policy}
 * @param version  at least 1, strictly increasing per type and target
 * @param issuedAt when it was issued
 * @param expires  when it stops being valid, not before {@code issuedAt}
 * @param target   whom it is for
 * @since 1.0
 */
public record DocumentHeader(String type, long version, Instant issuedAt, Instant expires, Target target) {

    /** @throws IllegalArgumentException when the version is below 1 or it expires before it is issued */
    public DocumentHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(target, "target");
        if (version < 1 || expires.isBefore(issuedAt)) {
            throw new IllegalArgumentException("version below 1 or expiry before issue");
        }
    }
}
