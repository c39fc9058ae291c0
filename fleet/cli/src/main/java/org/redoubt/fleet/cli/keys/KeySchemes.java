package org.redoubt.fleet.cli.keys;

import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;

/**
 * Tells a key's signature scheme from its own algorithm identifier (Ed25519, or an EC key on
 * P-256 or on the SM2 curve), so that a key file needs no side information; and the SM2
 * distinguishing identifier every Redoubt SM2 key carries ({@link DistinguishingId#SM2_DEFAULT}).
 */
public final class KeySchemes {

    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    private static final ASN1ObjectIdentifier EC_PUBLIC_KEY = new ASN1ObjectIdentifier("1.2.840.10045.2.1");
    private static final ASN1ObjectIdentifier P256 = new ASN1ObjectIdentifier("1.2.840.10045.3.1.7");
    private static final ASN1ObjectIdentifier SM2P256V1 = new ASN1ObjectIdentifier("1.2.156.10197.1.301");

    private KeySchemes() {
    }

    /**
     * @param pkcs8 a DER PKCS#8 private key
     * @return its scheme, empty when it is none of Redoubt's or not PKCS#8
     */
    public static Optional<SignatureScheme> ofPrivateKey(byte[] pkcs8) {
        try {
            return of(PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm());
        } catch (RuntimeException notPkcs8) {
            return Optional.empty();
        }
    }

    /**
     * @param spki a DER SubjectPublicKeyInfo
     * @return its scheme, empty when it is none of Redoubt's or not an SPKI
     */
    public static Optional<SignatureScheme> ofPublicKey(byte[] spki) {
        try {
            return of(SubjectPublicKeyInfo.getInstance(spki).getAlgorithm());
        } catch (RuntimeException notSpki) {
            return Optional.empty();
        }
    }

    /**
     * @param scheme a scheme
     * @return the distinguishing identifier its keys carry in Redoubt
     */
    public static DistinguishingId distinguishingId(SignatureScheme scheme) {
        return scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE;
    }

    private static Optional<SignatureScheme> of(AlgorithmIdentifier algorithm) {
        if (ED25519.equals(algorithm.getAlgorithm())) {
            return Optional.of(SignatureScheme.ED25519);
        }
        if (EC_PUBLIC_KEY.equals(algorithm.getAlgorithm()) && algorithm.getParameters() != null) {
            Object curve = algorithm.getParameters().toASN1Primitive();
            if (P256.equals(curve)) {
                return Optional.of(SignatureScheme.ECDSA_P256_SHA256);
            }
            if (SM2P256V1.equals(curve)) {
                return Optional.of(SignatureScheme.SM2_SM3);
            }
        }
        return Optional.empty();
    }
}
