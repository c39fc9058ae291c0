package org.redoubt.crypto.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.redoubt.crypto.api.SigningKey;

/**
 * Signs a payload into a DSSE envelope, one signature per key, each with the key's
 * {@link org.redoubt.crypto.api.KeyId} hex as its key id. Used by tooling and tests; the handset
 * itself verifies.
 *
 * @since 1.0
 */
public final class EnvelopeSigner {

    private EnvelopeSigner() {
    }

    /**
     * @param payloadType the payload type, not empty
     * @param payload     the bytes to sign (copied)
     * @param keys        one or more open signing keys (not closed here)
     * @return the envelope
     * @throws IllegalArgumentException when {@code keys} is empty or the type is empty
     */
    public static Envelope sign(String payloadType, byte[] payload, List<? extends SigningKey> keys) {
        Objects.requireNonNull(payloadType, "payloadType");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key");
        }
        byte[] pae = PreAuthenticationEncoding.of(payloadType, payload);
        List<EnvelopeSignature> signatures = new ArrayList<>(keys.size());
        for (SigningKey key : keys) {
            signatures.add(EnvelopeSignature.of(key.verificationKey().keyId().hex(), key.sign(pae)));
        }
        return Envelope.of(payloadType, payload, signatures);
    }
}
