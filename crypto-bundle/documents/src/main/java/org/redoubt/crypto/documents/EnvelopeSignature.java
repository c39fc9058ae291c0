package org.redoubt.crypto.documents;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signature of an envelope. The key id is an unauthenticated hint: it only selects which key
 * of a role to try; only a {@code VALID} check against that key counts.
 *
 * @since 1.0
 */
public final class EnvelopeSignature {

    private final String keyId;
    private final byte[] signature;

    private EnvelopeSignature(String keyId, byte[] signature) {
        this.keyId = keyId;
        this.signature = signature;
    }

    /**
     * @param keyId     the key id hint (in Redoubt: the lower-case hex SHA-256 of the signer's SPKI)
     * @param signature the signature bytes (copied), not empty
     * @return the signature
     * @throws IllegalArgumentException when the signature is empty
     */
    public static EnvelopeSignature of(String keyId, byte[] signature) {
        Objects.requireNonNull(keyId, "keyId");
        if (signature.length == 0) {
            throw new IllegalArgumentException("empty signature");
        }
        return new EnvelopeSignature(keyId, signature.clone());
    }

    /** @return the key id hint */
    public String keyId() {
        return keyId;
    }

    /** @return a copy of the signature bytes */
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvelopeSignature that && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "signature by " + keyId;
    }
}
