package org.redoubt.crypto.api;

/**
 * A coherent set of algorithms. The handset uses one suite at a time for what it creates itself
 * (its device key, sealed storage, its own signatures); it verifies signatures of either suite.
 *
 * @since 1.0
 */
public enum Suite {
    /** Ed25519 and ECDSA P-256, SHA-256, AES-256-GCM. Device keys are ECDSA P-256 (TLS-friendly). */
    NIST(HashAlgorithm.SHA256, AeadAlgorithm.AES_256_GCM),
    /** SM2 with SM3, SM3, SM4-GCM (GB/T 32918, 32905, 32907). */
    SM(HashAlgorithm.SM3, AeadAlgorithm.SM4_GCM);

    private final HashAlgorithm hash;
    private final AeadAlgorithm aead;

    Suite(HashAlgorithm hash, AeadAlgorithm aead) {
        this.hash = hash;
        this.aead = aead;
    }

    /** @return the scheme of keys the handset generates in this suite */
    public SignatureScheme deviceKeyScheme() {
        // Not a constructor argument: SignatureScheme's constants name their suite, and an enum
        // constant read while the other enum is still initializing would be null.
        return switch (this) {
            case NIST -> SignatureScheme.ECDSA_P256_SHA256;
            case SM -> SignatureScheme.SM2_SM3;
        };
    }

    /** @return the hash (and HMAC/HKDF hash) of this suite */
    public HashAlgorithm hash() {
        return hash;
    }

    /** @return the AEAD of this suite */
    public AeadAlgorithm aead() {
        return aead;
    }
}
