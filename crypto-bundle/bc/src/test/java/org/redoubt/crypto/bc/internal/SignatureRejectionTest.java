package org.redoubt.crypto.bc.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;

/** Round trips, and every way a key or signature is refused. */
class SignatureRejectionTest {

    private static final byte[] MESSAGE = "DSSEv1 28 application/vnd.redoubt+json 2 {}".getBytes(UTF_8);
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    static DistinguishingId idFor(SignatureScheme scheme) {
        return scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE;
    }

    private VerificationKey as(SignatureScheme scheme, VerificationKey key) {
        return VerificationKey.of(scheme, key.subjectPublicKeyInfo(), idFor(scheme));
    }

    private VerificationKey withSpki(VerificationKey key, byte[] spki) {
        return VerificationKey.of(key.scheme(), spki, key.distinguishingId());
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void generatedKeysSignVerifyAndSurviveExportImport(SignatureScheme scheme) throws CryptoException {
        try (SigningKey key = provider.generateSigningKey(scheme, idFor(scheme))) {
            VerificationKey publicKey = key.verificationKey();
            provider.validate(publicKey);
            byte[] signature = key.sign(MESSAGE);
            assertEquals(SignatureCheck.VALID, provider.verify(publicKey, MESSAGE, signature));
            byte[] pkcs8 = key.encodePrivateKey();
            try (SigningKey imported = provider.importSigningKey(scheme, pkcs8, idFor(scheme))) {
                assertEquals(publicKey, imported.verificationKey());
                assertEquals(SignatureCheck.VALID, provider.verify(publicKey, MESSAGE, imported.sign(MESSAGE)));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
            byte[] other = Arrays.copyOf(MESSAGE, MESSAGE.length);
            other[0] ^= 0x20;
            assertEquals(SignatureCheck.INVALID_SIGNATURE, provider.verify(publicKey, other, signature));
        }
    }

    @Test
    void ecdsaSignaturesAreDeterministic() {
        try (SigningKey key = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE)) {
            assertArrayEquals(key.sign(MESSAGE), key.sign(MESSAGE));
        }
    }

    @Test
    void keysOfTheWrongAlgorithmOrCurveAreInvalid() {
        for (SignatureScheme signer : SignatureScheme.values()) {
            try (SigningKey key = provider.generateSigningKey(signer, idFor(signer))) {
                byte[] signature = key.sign(MESSAGE);
                for (SignatureScheme claimed : SignatureScheme.values()) {
                    if (claimed == signer) {
                        continue;
                    }
                    VerificationKey mislabelled = as(claimed, key.verificationKey());
                    assertEquals(SignatureCheck.INVALID_KEY, provider.verify(mislabelled, MESSAGE, signature),
                            signer + " key presented as " + claimed);
                    assertInvalidKey(() -> provider.validate(mislabelled));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void garbageTruncatedOrPaddedPublicKeysAreInvalid(SignatureScheme scheme) {
        try (SigningKey key = provider.generateSigningKey(scheme, idFor(scheme))) {
            VerificationKey good = key.verificationKey();
            byte[] spki = good.subjectPublicKeyInfo();
            byte[] signature = key.sign(MESSAGE);
            byte[][] bad = {
                Arrays.copyOf(spki, spki.length - 1),
                Arrays.copyOf(spki, spki.length + 1),
                Arrays.copyOf(spki, 10),
                "not a key".getBytes(UTF_8),
                {0x30, 0x00},
                {0x05, 0x00},
            };
            for (byte[] spkiBytes : bad) {
                VerificationKey broken = withSpki(good, spkiBytes);
                assertEquals(SignatureCheck.INVALID_KEY, provider.verify(broken, MESSAGE, signature));
                assertInvalidKey(() -> provider.validate(broken));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = {"ECDSA_P256_SHA256", "SM2_SM3"})
    void pointsOffTheCurveAreInvalid(SignatureScheme scheme) {
        try (SigningKey key = provider.generateSigningKey(scheme, idFor(scheme))) {
            byte[] spki = key.verificationKey().subjectPublicKeyInfo();
            spki[spki.length - 1] ^= 0x01; // y changed: no longer on the curve
            VerificationKey offCurve = withSpki(key.verificationKey(), spki);
            assertInvalidKey(() -> provider.validate(offCurve));
            assertEquals(SignatureCheck.INVALID_KEY, provider.verify(offCurve, MESSAGE, key.sign(MESSAGE)));
        }
    }

    @Test
    void smallOrderEd25519PointIsInvalid() {
        // y = 1: the neutral element, which decodes but has order 1.
        VerificationKey neutral = VerificationKey.of(SignatureScheme.ED25519,
                Hex.decode(Ed25519KnownAnswerTest.SPKI_PREFIX + "01" + "00".repeat(31)), DistinguishingId.NONE);
        assertInvalidKey(() -> provider.validate(neutral));
        assertEquals(SignatureCheck.INVALID_KEY, provider.verify(neutral, MESSAGE, new byte[64]));
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = {"ECDSA_P256_SHA256", "SM2_SM3"})
    void malformedDerSignaturesAreMalformed(SignatureScheme scheme) throws Exception {
        try (SigningKey key = provider.generateSigningKey(scheme, idFor(scheme))) {
            VerificationKey publicKey = key.verificationKey();
            byte[] good = key.sign(MESSAGE);
            BigInteger n = scheme == SignatureScheme.SM2_SM3
                    ? new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16)
                    : P256_ORDER;
            byte[][] malformed = {
                new byte[0],
                Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 1),
                new byte[64],
                "garbage".getBytes(UTF_8),
                berLongFormLength(good),
                sequence(BigInteger.ZERO, BigInteger.ONE),
                sequence(BigInteger.ONE, BigInteger.ZERO),
                sequence(n, BigInteger.ONE),
                sequence(BigInteger.ONE, n.add(BigInteger.ONE)),
                sequence(BigInteger.ONE.negate(), BigInteger.ONE),
                {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x02, 0x00, 0x01}, // non-minimal INTEGER
            };
            for (byte[] signature : malformed) {
                assertEquals(SignatureCheck.MALFORMED_SIGNATURE, provider.verify(publicKey, MESSAGE, signature),
                        Hex.encode(signature));
            }
            assertEquals(SignatureCheck.INVALID_SIGNATURE,
                    provider.verify(publicKey, MESSAGE, sequence(BigInteger.ONE, BigInteger.TWO)));
        }
    }

    @Test
    void malformedEd25519SignaturesAreMalformed() {
        try (SigningKey key = provider.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE)) {
            byte[] good = key.sign(MESSAGE);
            assertEquals(SignatureCheck.MALFORMED_SIGNATURE,
                    provider.verify(key.verificationKey(), MESSAGE, Arrays.copyOf(good, 63)));
            assertEquals(SignatureCheck.MALFORMED_SIGNATURE,
                    provider.verify(key.verificationKey(), MESSAGE, Arrays.copyOf(good, 65)));
            assertEquals(SignatureCheck.MALFORMED_SIGNATURE, provider.verify(key.verificationKey(), MESSAGE, new byte[0]));
            byte[] highS = good.clone();
            Arrays.fill(highS, 32, 64, (byte) 0xff); // S >= L
            assertEquals(SignatureCheck.MALFORMED_SIGNATURE, provider.verify(key.verificationKey(), MESSAGE, highS));
        }
    }

    @Test
    void sm2WithAnotherDistinguishingIdFails() {
        try (SigningKey key = provider.generateSigningKey(SignatureScheme.SM2_SM3, DistinguishingId.of("alice@redoubt"))) {
            byte[] signature = key.sign(MESSAGE);
            VerificationKey right = key.verificationKey();
            assertEquals(SignatureCheck.VALID, provider.verify(right, MESSAGE, signature));
            VerificationKey defaultId = VerificationKey.of(SignatureScheme.SM2_SM3, right.subjectPublicKeyInfo(),
                    DistinguishingId.SM2_DEFAULT);
            assertEquals(SignatureCheck.INVALID_SIGNATURE, provider.verify(defaultId, MESSAGE, signature));
        }
    }

    @Test
    void importRejectsPrivateKeysOfOtherSchemesAndGarbage() {
        for (SignatureScheme actual : SignatureScheme.values()) {
            byte[] pkcs8;
            try (SigningKey key = provider.generateSigningKey(actual, idFor(actual))) {
                pkcs8 = key.encodePrivateKey();
            }
            for (SignatureScheme claimed : SignatureScheme.values()) {
                if (claimed != actual) {
                    assertInvalidKey(() -> provider.importSigningKey(claimed, pkcs8, idFor(claimed)));
                }
            }
            byte[] truncated = Arrays.copyOf(pkcs8, pkcs8.length - 3);
            byte[] padded = Arrays.copyOf(pkcs8, pkcs8.length + 1);
            assertInvalidKey(() -> provider.importSigningKey(actual, truncated, idFor(actual)));
            assertInvalidKey(() -> provider.importSigningKey(actual, padded, idFor(actual)));
            assertInvalidKey(() -> provider.importSigningKey(actual, new byte[0], idFor(actual)));
            assertInvalidKey(() -> provider.importSigningKey(actual, "garbage".getBytes(UTF_8), idFor(actual)));
        }
    }

    @Test
    void importRejectsAnEcKeyWhoseEmbeddedPublicKeyDoesNotMatch() throws CryptoException {
        byte[] first;
        byte[] second;
        try (SigningKey a = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
                SigningKey b = provider.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE)) {
            first = a.encodePrivateKey();
            second = b.encodePrivateKey();
        }
        // Both encodings have the same layout; splice a's scalar into b's structure.
        int scalarAt = indexOf(first, Hex.decode("0420")) + 2;
        int otherScalarAt = indexOf(second, Hex.decode("0420")) + 2;
        System.arraycopy(first, scalarAt, second, otherScalarAt, 32);
        assertInvalidKey(() -> provider.importSigningKey(SignatureScheme.ECDSA_P256_SHA256, second, DistinguishingId.NONE));
    }

    @Test
    void importAcceptsEd25519Version2WithMatchingPublicKeyOnly() throws CryptoException {
        // RFC 8410 section 10.3 layout (OneAsymmetricKey v2): RFC 8032 TEST 1 seed and public key.
        String seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        String publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        String wrongKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        String v2 = "3051020101300506032b657004220420" + seed + "812100";
        try (SigningKey key = provider.importSigningKey(SignatureScheme.ED25519, Hex.decode(v2 + publicKey),
                DistinguishingId.NONE)) {
            assertEquals(Ed25519KnownAnswerTest.SPKI_PREFIX + publicKey,
                    Hex.encode(key.verificationKey().subjectPublicKeyInfo()));
        }
        assertInvalidKey(() -> provider.importSigningKey(SignatureScheme.ED25519, Hex.decode(v2 + wrongKey),
                DistinguishingId.NONE));
    }

    @Test
    void distinguishingIdMustFitTheScheme() {
        assertThrows(IllegalArgumentException.class,
                () -> provider.generateSigningKey(SignatureScheme.SM2_SM3, DistinguishingId.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> provider.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.SM2_DEFAULT));
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void closedKeysThrowIllegalState(SignatureScheme scheme) {
        SigningKey key = provider.generateSigningKey(scheme, idFor(scheme));
        key.close();
        key.close();
        assertThrows(IllegalStateException.class, () -> key.sign(MESSAGE));
        assertThrows(IllegalStateException.class, key::encodePrivateKey);
        assertThrows(IllegalStateException.class, key::verificationKey);
    }

    @Test
    void randomBytesAreFreshAndOfTheRequestedLength() {
        assertEquals(0, provider.randomBytes(0).length);
        assertNotEquals(Hex.encode(provider.randomBytes(32)), Hex.encode(provider.randomBytes(32)));
        assertThrows(IllegalArgumentException.class, () -> provider.randomBytes(-1));
    }

    private static byte[] sequence(BigInteger r, BigInteger s) throws java.io.IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        return new DERSequence(v).getEncoded();
    }

    /** The same SEQUENCE with its length in long form (BER, not DER). */
    private static byte[] berLongFormLength(byte[] der) {
        byte[] out = new byte[der.length + 1];
        out[0] = 0x30;
        out[1] = (byte) 0x81;
        out[2] = der[1];
        System.arraycopy(der, 2, out, 3, der.length - 2);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static void assertInvalidKey(org.junit.jupiter.api.function.Executable call) {
        CryptoException e = assertThrows(CryptoException.class, call);
        assertEquals(CryptoException.Reason.INVALID_KEY, e.reason());
    }
}
