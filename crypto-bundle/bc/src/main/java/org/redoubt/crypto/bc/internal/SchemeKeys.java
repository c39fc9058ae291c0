package org.redoubt.crypto.bc.internal;

import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;

/**
 * Keys and signatures of one {@link SignatureScheme}: encodings, validation, generation, signing
 * and verification. Implementations are stateless apart from a random source and thread-safe.
 */
interface SchemeKeys {

    /** @return the scheme */
    SignatureScheme scheme();

    /**
     * @param subjectPublicKeyInfo DER public key
     * @throws CryptoException {@code INVALID_KEY} unless it is a valid key of this scheme
     *                         (algorithm, curve, point)
     */
    void validate(byte[] subjectPublicKeyInfo) throws CryptoException;

    /**
     * Never throws for bad keys or signatures.
     *
     * @param subjectPublicKeyInfo DER public key
     * @param id                   the SM2 identifier, or {@link DistinguishingId#NONE}
     * @param message              the signed bytes
     * @param signature            the signature in the scheme's encoding
     * @return the outcome
     */
    SignatureCheck verify(byte[] subjectPublicKeyInfo, DistinguishingId id, byte[] message, byte[] signature);

    /** @return a fresh key pair */
    KeyMaterial generate();

    /**
     * @param pkcs8 DER PKCS#8 (read, not kept)
     * @return the key pair
     * @throws CryptoException {@code INVALID_KEY} unless it is a private key of this scheme
     */
    KeyMaterial importPrivateKey(byte[] pkcs8) throws CryptoException;

    /**
     * @param secret  the raw private key (read, not kept)
     * @param id      the SM2 identifier, or {@link DistinguishingId#NONE}
     * @param message the bytes to sign
     * @return the signature in the scheme's encoding
     */
    byte[] sign(byte[] secret, DistinguishingId id, byte[] message);

    /**
     * @param secret the raw private key (read, not kept)
     * @return DER PKCS#8
     */
    byte[] encodePrivateKey(byte[] secret);
}
