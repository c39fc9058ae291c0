package org.redoubt.crypto.documents;

import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope: a payload type, the payload bytes and one or more signatures over
 * {@link PreAuthenticationEncoding#of(String, byte[])}. A value: immutable, arrays copied.
 *
 * @since 1.0
 */
public final class Envelope {

    private final String payloadType;
    private final byte[] payload;
    private final List<EnvelopeSignature> signatures;

    private Envelope(String payloadType, byte[] payload, List<EnvelopeSignature> signatures) {
        this.payloadType = payloadType;
        this.payload = payload;
        this.signatures = signatures;
    }

    /**
     * @param payloadType the DSSE payload type, not empty
     * @param payload     the signed bytes (copied)
     * @param signatures  at least one signature
     * @return the envelope
     * @throws IllegalArgumentException when the type is empty or there is no signature
     */
    public static Envelope of(String payloadType, byte[] payload, List<EnvelopeSignature> signatures) {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        if (payloadType.isEmpty()) {
            throw new IllegalArgumentException("empty payload type");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one signature");
        }
        return new Envelope(payloadType, payload.clone(), List.copyOf(signatures));
    }

    /** @return the payload type */
    public String payloadType() {
        return payloadType;
    }

    /** @return a copy of the payload bytes */
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the signatures, in envelope order (unmodifiable, at least one) */
    public List<EnvelopeSignature> signatures() {
        return signatures;
    }

    /** @return the bytes every signature of this envelope is over */
    public byte[] preAuthenticationEncoding() {
        return PreAuthenticationEncoding.of(payloadType, payload);
    }
}
