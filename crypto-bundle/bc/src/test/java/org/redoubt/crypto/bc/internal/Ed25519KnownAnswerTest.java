package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;

/** RFC 8032 section 7.1, TEST 1 to 3, through the provider's PKCS#8 import. */
class Ed25519KnownAnswerTest {

    /** RFC 8410 PKCS#8 prefix in front of a 32-byte Ed25519 seed. */
    static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    /** RFC 8410 SubjectPublicKeyInfo prefix in front of a 32-byte Ed25519 public key. */
    static final String SPKI_PREFIX = "302a300506032b6570032100";

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    @ParameterizedTest(name = "RFC 8032 TEST {0}")
    @CsvSource({
        "1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, "
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, "
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void signsAndVerifiesTheRfcVector(int test, String secret, String publicKey, String message, String signature)
            throws CryptoException {
        byte[] msg = Hex.decode(message);
        try (SigningKey key = provider.importSigningKey(SignatureScheme.ED25519,
                Hex.decode(PKCS8_PREFIX + secret), DistinguishingId.NONE)) {
            assertEquals(SPKI_PREFIX + publicKey, Hex.encode(key.verificationKey().subjectPublicKeyInfo()));
            assertEquals(signature, Hex.encode(key.sign(msg)));
            assertEquals(PKCS8_PREFIX + secret, Hex.encode(key.encodePrivateKey()));
        }
        VerificationKey verificationKey = VerificationKey.of(SignatureScheme.ED25519,
                Hex.decode(SPKI_PREFIX + publicKey), DistinguishingId.NONE);
        provider.validate(verificationKey);
        byte[] sig = Hex.decode(signature);
        assertEquals(SignatureCheck.VALID, provider.verify(verificationKey, msg, sig));
        sig[5] ^= 0x01;
        assertEquals(SignatureCheck.INVALID_SIGNATURE, provider.verify(verificationKey, msg, sig));
        sig[5] ^= 0x01;
        byte[] otherMessage = java.util.Arrays.copyOf(msg, msg.length + 1);
        assertEquals(SignatureCheck.INVALID_SIGNATURE, provider.verify(verificationKey, otherMessage, sig));
    }
}
