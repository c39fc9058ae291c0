package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;

/**
 * The fixed-prefix fast path for public keys reads exactly the canonical DER encodings, and every
 * other encoding still goes through the ASN.1 parser.
 */
class KeyEncodingsTest {

    private final BouncyCastleCryptoProvider provider = new BouncyCastleCryptoProvider();

    @Test
    void theCurvePrefixesAreWhatTheAsn1EncoderWrites() throws Exception {
        for (NamedCurve curve : new NamedCurve[] {NamedCurve.p256(), NamedCurve.sm2()}) {
            int pointLength = 65;
            byte[] encoded = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    curve.domain().getName()), new byte[pointLength]).getEncoded(ASN1Encoding.DER);
            assertArrayEquals(Arrays.copyOf(encoded, encoded.length - pointLength), curve.uncompressedPrefix());
        }
    }

    @Test
    void generatedKeysOfEverySchemeTakeTheFastPathAndValidate() throws CryptoException {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            DistinguishingId id = scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE;
            try (SigningKey key = provider.generateSigningKey(scheme, id)) {
                provider.validate(key.verificationKey());
            }
        }
    }

    @Test
    void aCompressedPointIsReadThroughTheParser() throws Exception {
        NamedCurve curve = NamedCurve.p256();
        try (SigningKey key = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE)) {
            ECPublicKeyParameters uncompressed = curve.publicKey(key.verificationKey().subjectPublicKeyInfo());
            byte[] compressed = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    curve.domain().getName()), uncompressed.getQ().getEncoded(true)).getEncoded(ASN1Encoding.DER);
            assertNull(KeyEncodings.fixedPrefixKey(compressed, curve.uncompressedPrefix(), 65));
            assertEquals(uncompressed.getQ(), curve.publicKey(compressed).getQ());
        }
    }

    @Test
    void anythingAroundTheCanonicalBytesIsRefused() throws Exception {
        NamedCurve curve = NamedCurve.sm2();
        try (SigningKey key = provider.generateSigningKey(SignatureScheme.SM2_SM3, DistinguishingId.SM2_DEFAULT)) {
            byte[] spki = key.verificationKey().subjectPublicKeyInfo();
            byte[] trailing = Arrays.copyOf(spki, spki.length + 1);
            assertThrows(CryptoException.class, () -> curve.publicKey(trailing));
            byte[] offCurve = spki.clone();
            offCurve[offCurve.length - 1] ^= 1;
            assertThrows(CryptoException.class, () -> curve.publicKey(offCurve));
            assertThrows(CryptoException.class, () -> NamedCurve.p256().publicKey(spki), "an SM2 key is not a P-256 key");
        }
    }
}
