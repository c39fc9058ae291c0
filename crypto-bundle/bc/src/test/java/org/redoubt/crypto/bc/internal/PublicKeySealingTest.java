package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SealingKeyPair;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;

/** Sealing to a public key in both suites: round trip, and every way a sealed record must not open. */
class PublicKeySealingTest {

    private static final byte[] AAD = "messages/42".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "Meet at the north gate at six.".getBytes(StandardCharsets.UTF_8);

    private final BouncyCastleCryptoProvider provider = new BouncyCastleCryptoProvider();

    private static Suite other(Suite suite) {
        return suite == Suite.NIST ? Suite.SM : Suite.NIST;
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void whatIsSealedToAPublicKeyOpensWithItsPrivateKeyOnly(Suite suite) throws CryptoException {
        try (SealingKeyPair keys = provider.generateSealingKeyPair(suite);
                SealingKeyPair stranger = provider.generateSealingKeyPair(suite)) {
            assertEquals(suite, keys.suite());
            byte[] sealed = provider.sealTo(keys.publicKey(), AAD, MESSAGE);
            assertEquals(1, sealed[0]);
            assertEquals(suite == Suite.NIST ? 1 : 2, sealed[1], "the suite follows from the key's curve");
            assertArrayEquals(MESSAGE, provider.openSealed(keys.privateKey(), AAD, sealed));
            assertFalse(Arrays.equals(sealed, provider.sealTo(keys.publicKey(), AAD, MESSAGE)), "every seal is fresh");
            assertEquals(0, provider.openSealed(keys.privateKey(), new byte[0],
                    provider.sealTo(keys.publicKey(), new byte[0], new byte[0])).length);

            assertFailed(() -> provider.openSealed(stranger.privateKey(), AAD, sealed));
            assertFailed(() -> provider.openSealed(keys.privateKey(), "messages/43".getBytes(StandardCharsets.US_ASCII),
                    sealed));
            for (int i = 0; i < sealed.length; i++) {
                byte[] flipped = sealed.clone();
                flipped[i] ^= 0x01;
                int at = i;
                CryptoException e = assertThrows(CryptoException.class,
                        () -> provider.openSealed(keys.privateKey(), AAD, flipped), "byte " + at + " flipped");
                assertTrue(e.reason() == CryptoException.Reason.AUTHENTICATION_FAILED
                        || e.reason() == CryptoException.Reason.INVALID_KEY, "byte " + at + ": " + e.reason());
            }
            assertFailed(() -> provider.openSealed(keys.privateKey(), AAD, Arrays.copyOf(sealed, sealed.length - 1)));
            assertFailed(() -> provider.openSealed(keys.privateKey(), AAD, Arrays.copyOf(sealed, 20)));
            assertFailed(() -> provider.openSealed(keys.privateKey(), AAD, new byte[0]));
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aPrivateKeyOfTheOtherSuiteDoesNotOpen(Suite suite) throws CryptoException {
        try (SealingKeyPair keys = provider.generateSealingKeyPair(suite);
                SealingKeyPair wrong = provider.generateSealingKeyPair(other(suite))) {
            byte[] sealed = provider.sealTo(keys.publicKey(), AAD, MESSAGE);
            CryptoException e = assertThrows(CryptoException.class, () -> provider.openSealed(wrong.privateKey(), AAD, sealed));
            assertEquals(CryptoException.Reason.INVALID_KEY, e.reason());
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void onlyP256AndSm2KeysCanBeSealedTo(Suite suite) throws CryptoException {
        try (SigningKey ed25519 = provider.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE)) {
            byte[] edKey = ed25519.verificationKey().subjectPublicKeyInfo();
            assertEquals(CryptoException.Reason.INVALID_KEY, assertThrows(CryptoException.class,
                    () -> provider.sealTo(edKey, AAD, MESSAGE)).reason());
        }
        assertEquals(CryptoException.Reason.INVALID_KEY, assertThrows(CryptoException.class,
                () -> provider.sealTo(new byte[] {0x30, 0x00}, AAD, MESSAGE)).reason());
        SealingKeyPair keys = provider.generateSealingKeyPair(suite);
        keys.close();
        assertThrows(IllegalStateException.class, keys::privateKey, "a closed key pair gives no private key");
    }

    private static void assertFailed(org.junit.jupiter.api.function.Executable open) {
        assertEquals(CryptoException.Reason.AUTHENTICATION_FAILED, assertThrows(CryptoException.class, open).reason());
    }
}
