package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.PinKdfParameters;

/** Argon2id: the RFC 9106 vector and the provider's argument checks. */
class PinKdfTest {

    private static final PinKdfParameters SMALL = new PinKdfParameters(64, 1, 1);

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    @Test
    void bouncyCastleArgon2idReproducesRfc9106Section53() {
        // The provider takes no secret or associated data, so the generator it uses is checked directly.
        byte[] password = new byte[32];
        Arrays.fill(password, (byte) 0x01);
        byte[] salt = new byte[16];
        Arrays.fill(salt, (byte) 0x02);
        byte[] secret = new byte[8];
        Arrays.fill(secret, (byte) 0x03);
        byte[] additional = new byte[12];
        Arrays.fill(additional, (byte) 0x04);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32).withIterations(3).withParallelism(4)
                .withSalt(salt).withSecret(secret).withAdditional(additional).build());
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Hex.encode(tag));
    }

    @Test
    void providerMatchesAPlainArgon2idOfTheUtf8Pin() throws CryptoException {
        byte[] salt = new byte[16];
        Arrays.fill(salt, (byte) 0x02);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64).withIterations(1).withParallelism(1).withSalt(salt).build());
        byte[] expected = new byte[32];
        generator.generateBytes("1234é".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
        assertEquals(Hex.encode(expected), Hex.encode(provider.derivePinKey("1234é".toCharArray(), salt, SMALL, 32)));
    }

    @Test
    void fixedRegressionValue() throws CryptoException {
        byte[] salt = new byte[16];
        Arrays.fill(salt, (byte) 0x07);
        byte[] key = provider.derivePinKey("123456".toCharArray(), salt, new PinKdfParameters(256, 2, 2), 32);
        assertEquals(REGRESSION, Hex.encode(key));
    }

    @Test
    void differentPinsGiveDifferentKeysAndThePinIsNotCleared() throws CryptoException {
        char[] pin = "0000".toCharArray();
        byte[] salt = new byte[16];
        byte[] a = provider.derivePinKey(pin, salt, SMALL, 16);
        assertEquals("0000", new String(pin));
        assertNotEquals(Hex.encode(a), Hex.encode(provider.derivePinKey("0001".toCharArray(), salt, SMALL, 16)));
    }

    @Test
    void rejectsEmptyPinShortSaltAndBadLengths() {
        assertReason(() -> provider.derivePinKey(new char[0], new byte[16], SMALL, 32));
        assertReason(() -> provider.derivePinKey("1234".toCharArray(), new byte[15], SMALL, 32));
        assertReason(() -> provider.derivePinKey(new char[] {'1', '\ud800'}, new byte[16], SMALL, 32));
        assertThrows(IllegalArgumentException.class,
                () -> provider.derivePinKey("1234".toCharArray(), new byte[16], SMALL, 15));
        assertThrows(IllegalArgumentException.class,
                () -> provider.derivePinKey("1234".toCharArray(), new byte[16], SMALL, 65));
    }

    private static void assertReason(org.junit.jupiter.api.function.Executable call) {
        CryptoException e = assertThrows(CryptoException.class, call);
        assertEquals(CryptoException.Reason.INVALID_ARGUMENT, e.reason());
    }

    /** Argon2id(m=256 KiB, t=2, p=2) of "123456" with 16 bytes 0x07 of salt, as first computed here. */
    private static final String REGRESSION = "dc1b6880f23af2b39e06856c0d5230b5975c4e415301900aba28b88a8c47d9ce";
}
