package org.redoubt.crypto.documents;

import java.util.Objects;

import org.redoubt.json.JsonObject;

/**
 * The outcome of {@link DocumentVerifier#verify}: accepted, already applied (an idempotent
 * redelivery of the very bytes last accepted), or rejected with a reason.
 *
 * @since 1.0
 */
public sealed interface Verdict permits Verdict.Accepted, Verdict.AlreadyApplied, Verdict.Rejected {

    /**
     * A document that passed every check. The caller validates {@link #body()}, applies it and
     * then calls {@link DocumentVerifier#commit}.
     *
     * @param header        the common header
     * @param body          the document's {@code body}, for the caller to validate strictly
     * @param payload       the signed payload bytes (copied)
     * @param payloadDigest SHA-256 of the payload (copied)
     * @param floorKey      the anti-rollback floor the document advances
     */
    record Accepted(DocumentHeader header, JsonObject body, byte[] payload, byte[] payloadDigest, FloorKey floorKey)
            implements Verdict {

        /** Copies the arrays. */
        public Accepted {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(floorKey, "floorKey");
            payload = payload.clone();
            payloadDigest = payloadDigest.clone();
        }

        /** @return a copy of the payload */
        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /** @return a copy of the digest */
        @Override
        public byte[] payloadDigest() {
            return payloadDigest.clone();
        }
    }

    /**
     * The document is validly signed and is exactly the one already accepted at its floor: ack it
     * again, apply nothing.
     *
     * @param header the common header
     */
    record AlreadyApplied(DocumentHeader header) implements Verdict {

        /** @throws NullPointerException when the header is null */
        public AlreadyApplied {
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * The document was refused; nothing may change.
     *
     * @param reason the stable reason
     * @param detail what exactly was wrong, for logs and acks; never key material
     */
    record Rejected(ReasonCode reason, String detail) implements Verdict {

        /** @throws NullPointerException when a part is null */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
