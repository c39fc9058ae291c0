package org.redoubt.crypto.keystore.internal;

import java.util.Base64;

import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;

/**
 * PKCS#10 (RFC 2986) requests, signed through the crypto API's {@link SigningKey} so the private
 * key stays where it is:
 *
 * <pre>
 * CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm, signature BIT STRING }
 * CertificationRequestInfo ::= SEQUENCE { version INTEGER (0), subject Name,
 *                                         subjectPKInfo SubjectPublicKeyInfo, attributes [0] {} }
 * </pre>
 *
 * <p>The common name is a UTF8String, as RFC 5280 asks of new names (a PrintableString could not
 * hold the {@code _} a device id may contain).
 */
final class CertificationRequests {

    private static final String COMMON_NAME = "2.5.4.3";

    private CertificationRequests() {
    }

    /**
     * @param key      the key to certify; it signs the request
     * @param deviceId the subject's common name
     * @return the request, PEM-encoded
     */
    static String pem(SigningKey key, String deviceId) {
        byte[] subject = Der.sequence(Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String(deviceId))));
        byte[] info = Der.sequence(Der.integer(0), subject, key.verificationKey().subjectPublicKeyInfo(),
                Der.contextZero());
        byte[] request = Der.sequence(info, Der.sequence(Der.objectIdentifier(signatureAlgorithm(
                key.verificationKey().scheme()))), Der.bitString(key.sign(info)));
        return "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(request)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    /** The signature algorithms as X.509 names them; none of them takes parameters. */
    private static String signatureAlgorithm(SignatureScheme scheme) {
        return switch (scheme) {
            case ECDSA_P256_SHA256 -> "1.2.840.10045.4.3.2"; // ecdsa-with-SHA256 (RFC 5758)
            case SM2_SM3 -> "1.2.156.10197.1.501"; // SM2-with-SM3 (GM/T 0006)
            case ED25519 -> "1.3.101.112"; // Ed25519 (RFC 8410)
        };
    }
}
