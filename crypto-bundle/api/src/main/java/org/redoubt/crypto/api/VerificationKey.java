package org.redoubt.crypto.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A public key of a known scheme, as a document or certificate carries it: DER
 * SubjectPublicKeyInfo plus, for SM2, its distinguishing identifier. This class checks only the
 * structure; whether the bytes really are a key of the scheme is checked by the provider when the
 * key is used ({@link CryptoProvider#verify}).
 *
 * @since 1.0
 */
public final class VerificationKey {

    private final SignatureScheme scheme;
    private final byte[] subjectPublicKeyInfo;
    private final DistinguishingId distinguishingId;
    private final KeyId keyId;

    private VerificationKey(SignatureScheme scheme, byte[] subjectPublicKeyInfo, DistinguishingId distinguishingId) {
        this.scheme = scheme;
        this.subjectPublicKeyInfo = subjectPublicKeyInfo;
        this.distinguishingId = distinguishingId;
        this.keyId = KeyId.of(subjectPublicKeyInfo);
    }

    /**
     * @param scheme               the key's scheme
     * @param subjectPublicKeyInfo its DER encoding (copied)
     * @param distinguishingId     the SM2 identifier, {@link DistinguishingId#NONE} for other schemes
     * @return the key
     * @throws IllegalArgumentException when the encoding is empty, or the identifier does not fit
     *                                  the scheme (SM2 needs one, the others must have none)
     */
    public static VerificationKey of(SignatureScheme scheme, byte[] subjectPublicKeyInfo,
            DistinguishingId distinguishingId) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(distinguishingId, "distinguishingId");
        if (subjectPublicKeyInfo.length == 0) {
            throw new IllegalArgumentException("empty public key");
        }
        if (scheme.needsDistinguishingId() == distinguishingId.isNone()) {
            throw new IllegalArgumentException(scheme.needsDistinguishingId()
                    ? scheme.id() + " keys need an explicit distinguishing identifier"
                    : scheme.id() + " keys take no distinguishing identifier");
        }
        return new VerificationKey(scheme, subjectPublicKeyInfo.clone(), distinguishingId);
    }

    /** @return the scheme */
    public SignatureScheme scheme() {
        return scheme;
    }

    /** @return a copy of the DER SubjectPublicKeyInfo */
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }

    /** @return the SM2 identifier, or {@link DistinguishingId#NONE} */
    public DistinguishingId distinguishingId() {
        return distinguishingId;
    }

    /** @return SHA-256 of the SubjectPublicKeyInfo */
    public KeyId keyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey key && scheme == key.scheme
                && Arrays.equals(subjectPublicKeyInfo, key.subjectPublicKeyInfo)
                && distinguishingId.equals(key.distinguishingId);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return scheme.id() + ":" + keyId;
    }
}
