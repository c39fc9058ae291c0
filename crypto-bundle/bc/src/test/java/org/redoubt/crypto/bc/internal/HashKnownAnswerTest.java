package org.redoubt.crypto.bc.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;

/** Published vectors for SHA-256, SM3, HMAC and HKDF. */
class HashKnownAnswerTest {

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    @Test
    void sha256OfAbcMatchesFips180() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Hex.encode(provider.digest(HashAlgorithm.SHA256, "abc".getBytes(US_ASCII))));
    }

    @Test
    void sm3OfAbcMatchesGbT32905() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                Hex.encode(provider.digest(HashAlgorithm.SM3, "abc".getBytes(US_ASCII))));
    }

    @Test
    void sm3OfSixtyFourBytesMatchesGbT32905() {
        assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
                Hex.encode(provider.digest(HashAlgorithm.SM3, "abcd".repeat(16).getBytes(US_ASCII))));
    }

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Hex.encode(provider.hmac(HashAlgorithm.SHA256, "Jefe".getBytes(US_ASCII),
                        "what do ya want for nothing?".getBytes(US_ASCII))));
    }

    @Test
    void hkdfSha256MatchesRfc5869TestCase1() {
        byte[] ikm = Hex.decode("0b".repeat(22));
        byte[] salt = Hex.decode("000102030405060708090a0b0c");
        byte[] info = Hex.decode("f0f1f2f3f4f5f6f7f8f9");
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                Hex.encode(provider.hkdf(HashAlgorithm.SHA256, ikm, salt, info, 42)));
    }

    @Test
    void hkdfWithEmptySaltUsesZeroSaltAsRfc5869Says() {
        // RFC 5869 test case 3: no salt, no info.
        byte[] ikm = Hex.decode("0b".repeat(22));
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                Hex.encode(provider.hkdf(HashAlgorithm.SHA256, ikm, new byte[0], new byte[0], 42)));
    }

    @Test
    void hkdfSm3RoundsToTheRequestedLength() {
        byte[] out = provider.hkdf(HashAlgorithm.SM3, new byte[32], new byte[0], new byte[0], 255 * 32);
        assertEquals(255 * 32, out.length);
        assertArrayEquals(provider.hkdf(HashAlgorithm.SM3, new byte[32], new byte[0], new byte[0], 16),
                java.util.Arrays.copyOf(out, 16));
    }

    @Test
    void hkdfRejectsLengthsOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> provider.hkdf(HashAlgorithm.SHA256, new byte[32], new byte[0], new byte[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> provider.hkdf(HashAlgorithm.SHA256, new byte[32], new byte[0], new byte[0], 255 * 32 + 1));
    }
}
