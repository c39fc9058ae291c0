package org.redoubt.crypto.bc.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;

/** SM4 and AES-GCM vectors, round trips and every tampering. */
class AeadTest {

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    @Test
    void sm4EngineEncryptsTheGbT32907Example() {
        byte[] keyAndPlaintext = Hex.decode("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(keyAndPlaintext));
        byte[] out = new byte[16];
        engine.processBlock(keyAndPlaintext, 0, out, 0);
        assertEquals("681edf34d206965e86b3e94f536e4246", Hex.encode(out));
    }

    @Test
    void aes256GcmMatchesGcmSpecTestCase16() throws CryptoException {
        String plaintext = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
        String sealed = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b";
        byte[] nonce = Hex.decode("cafebabefacedbaddecaf888");
        byte[] aad = Hex.decode("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        try (AeadCipher cipher = provider.aead(AeadAlgorithm.AES_256_GCM,
                Hex.decode("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"))) {
            assertEquals(sealed, Hex.encode(cipher.seal(nonce, aad, Hex.decode(plaintext))));
            assertEquals(plaintext, Hex.encode(cipher.open(nonce, aad, Hex.decode(sealed))));
        }
    }

    @Test
    void aes256GcmMatchesGcmSpecTestCase14() throws CryptoException {
        try (AeadCipher cipher = provider.aead(AeadAlgorithm.AES_256_GCM, new byte[32])) {
            assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919",
                    Hex.encode(cipher.seal(new byte[12], new byte[0], new byte[16])));
        }
    }

    @Test
    void sm4GcmMatchesRfc8998AppendixA1() throws CryptoException {
        String plaintext = "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa";
        String sealed = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d" + "83de3541e4c2b58177e065a9bf7b62ec";
        byte[] nonce = Hex.decode("00001234567800000000abcd");
        byte[] aad = Hex.decode("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        try (AeadCipher cipher = provider.aead(AeadAlgorithm.SM4_GCM, Hex.decode("0123456789abcdeffedcba9876543210"))) {
            assertEquals(sealed, Hex.encode(cipher.seal(nonce, aad, Hex.decode(plaintext))));
            assertEquals(plaintext, Hex.encode(cipher.open(nonce, aad, Hex.decode(sealed))));
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void roundTripsIncludingEmptyMessages(AeadAlgorithm algorithm) throws CryptoException {
        try (AeadCipher cipher = provider.aead(algorithm, provider.randomBytes(algorithm.keyLength()))) {
            assertEquals(algorithm, cipher.algorithm());
            for (String message : new String[] {"", "x", "a message longer than one sixteen-byte block"}) {
                byte[] nonce = provider.randomBytes(AeadAlgorithm.NONCE_LENGTH);
                byte[] sealed = cipher.seal(nonce, "aad".getBytes(UTF_8), message.getBytes(UTF_8));
                assertEquals(message.length() + AeadAlgorithm.TAG_LENGTH, sealed.length);
                assertArrayEquals(message.getBytes(UTF_8), cipher.open(nonce, "aad".getBytes(UTF_8), sealed));
                assertArrayEquals(message.getBytes(UTF_8),
                        cipher.open(nonce, "aad".getBytes(UTF_8), sealed.clone()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void rejectsEveryTampering(AeadAlgorithm algorithm) {
        byte[] key = provider.randomBytes(algorithm.keyLength());
        byte[] nonce = provider.randomBytes(AeadAlgorithm.NONCE_LENGTH);
        byte[] aad = "record 7".getBytes(UTF_8);
        try (AeadCipher cipher = provider.aead(algorithm, key)) {
            byte[] sealed = cipher.seal(nonce, aad, "secret payload".getBytes(UTF_8));

            byte[] ciphertextFlipped = sealed.clone();
            ciphertextFlipped[0] ^= 0x01;
            assertRejected(cipher, nonce, aad, ciphertextFlipped);

            byte[] tagFlipped = sealed.clone();
            tagFlipped[sealed.length - 1] ^= 0x80;
            assertRejected(cipher, nonce, aad, tagFlipped);

            assertRejected(cipher, nonce, "record 8".getBytes(UTF_8), sealed);
            assertRejected(cipher, nonce, new byte[0], sealed);

            byte[] otherNonce = nonce.clone();
            otherNonce[11] ^= 0x01;
            assertRejected(cipher, otherNonce, aad, sealed);
            assertRejected(cipher, new byte[11], aad, sealed);

            assertRejected(cipher, nonce, aad, java.util.Arrays.copyOf(sealed, sealed.length - 1));
            assertRejected(cipher, nonce, aad, new byte[AeadAlgorithm.TAG_LENGTH - 1]);
            assertRejected(cipher, nonce, aad, new byte[0]);

            byte[] otherKey = key.clone();
            otherKey[0] ^= 0x01;
            try (AeadCipher other = provider.aead(algorithm, otherKey)) {
                assertRejected(other, nonce, aad, sealed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void closedCipherRefusesEverything(AeadAlgorithm algorithm) {
        AeadCipher cipher = provider.aead(algorithm, new byte[algorithm.keyLength()]);
        byte[] sealed = cipher.seal(new byte[12], new byte[0], new byte[3]);
        cipher.close();
        cipher.close();
        assertThrows(IllegalStateException.class, () -> cipher.seal(new byte[12], new byte[0], new byte[3]));
        assertThrows(IllegalStateException.class, () -> cipher.open(new byte[12], new byte[0], sealed));
    }

    @Test
    void rejectsProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> provider.aead(AeadAlgorithm.AES_256_GCM, new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> provider.aead(AeadAlgorithm.SM4_GCM, new byte[32]));
        try (AeadCipher cipher = provider.aead(AeadAlgorithm.SM4_GCM, new byte[16])) {
            assertThrows(IllegalArgumentException.class, () -> cipher.seal(new byte[16], new byte[0], new byte[1]));
        }
    }

    @Test
    void copiesTheCallersKey() throws CryptoException {
        byte[] key = new byte[32];
        try (AeadCipher cipher = provider.aead(AeadAlgorithm.AES_256_GCM, key)) {
            byte[] sealed = cipher.seal(new byte[12], new byte[0], new byte[5]);
            java.util.Arrays.fill(key, (byte) 0x55);
            assertArrayEquals(new byte[5], cipher.open(new byte[12], new byte[0], sealed));
        }
    }

    private static void assertRejected(AeadCipher cipher, byte[] nonce, byte[] aad, byte[] sealed) {
        CryptoException e = assertThrows(CryptoException.class, () -> cipher.open(nonce, aad, sealed));
        assertEquals(CryptoException.Reason.AUTHENTICATION_FAILED, e.reason());
    }
}
