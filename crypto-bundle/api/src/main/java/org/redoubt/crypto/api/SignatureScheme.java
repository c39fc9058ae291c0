package org.redoubt.crypto.api;

import java.util.Optional;

/**
 * The signature schemes a document may be signed with, named as in signed documents.
 *
 * @since 1.0
 */
public enum SignatureScheme {
    /** Ed25519 (RFC 8032), pure, over the message itself. */
    ED25519("ed25519", Suite.NIST),
    /** ECDSA over P-256 with SHA-256; signatures DER-encoded (as OpenSSL writes them). */
    ECDSA_P256_SHA256("ecdsa-p256-sha256", Suite.NIST),
    /** SM2 with SM3 (GB/T 32918) and an explicit distinguishing identifier; signatures DER-encoded. */
    SM2_SM3("sm2-sm3", Suite.SM);

    private final String id;
    private final Suite suite;

    SignatureScheme(String id, Suite suite) {
        this.id = id;
        this.suite = suite;
    }

    /** @return the name used in documents, e.g. {@code ecdsa-p256-sha256} */
    public String id() {
        return id;
    }

    /** @return the suite the scheme belongs to */
    public Suite suite() {
        return suite;
    }

    /** @return whether keys of this scheme need a {@link DistinguishingId} other than {@link DistinguishingId#NONE} */
    public boolean needsDistinguishingId() {
        return this == SM2_SM3;
    }

    /**
     * @param id a scheme name from a document
     * @return the scheme, empty for an unknown (unsupported) name
     */
    public static Optional<SignatureScheme> fromId(String id) {
        for (SignatureScheme scheme : values()) {
            if (scheme.id.equals(id)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
