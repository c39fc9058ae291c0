package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.CryptoException;

class PublicKeyCacheTest {

    private final NamedCurve curve = NamedCurve.p256();
    private final PublicKeyCache cache = new PublicKeyCache(curve);
    private final SecureRandom random = new SecureRandom();

    @Test
    void theSameEncodingGivesTheSameDecodedKeyEqualToAFreshDecoding() throws CryptoException {
        byte[] encoding = curve.generate(random).subjectPublicKeyInfo();

        ECPublicKeyParameters first = cache.publicKey(encoding);

        assertSame(first, cache.publicKey(encoding.clone()));
        assertEquals(curve.publicKey(encoding).getQ(), first.getQ());
    }

    @Test
    void aChangedCallerArrayDoesNotChangeWhatWasCached() throws CryptoException {
        byte[] encoding = curve.generate(random).subjectPublicKeyInfo();
        ECPublicKeyParameters first = cache.publicKey(encoding);
        byte[] original = encoding.clone();
        encoding[encoding.length - 1] ^= 1;

        assertThrows(CryptoException.class, () -> cache.publicKey(encoding), "now off the curve");
        assertSame(first, cache.publicKey(original));
    }

    @Test
    void anInvalidKeyIsRefusedEveryTime() {
        byte[] encoding = curve.generate(random).subjectPublicKeyInfo();
        encoding[encoding.length - 1] ^= 1;

        assertThrows(CryptoException.class, () -> cache.publicKey(encoding));
        assertThrows(CryptoException.class, () -> cache.publicKey(encoding));
    }

    @Test
    void itKeepsOnlyTheMostRecentlyUsedKeys() throws CryptoException {
        byte[] oldest = curve.generate(random).subjectPublicKeyInfo();
        ECPublicKeyParameters first = cache.publicKey(oldest);
        for (int i = 0; i < 32; i++) {
            cache.publicKey(curve.generate(random).subjectPublicKeyInfo());
        }

        ECPublicKeyParameters again = cache.publicKey(oldest);

        assertNotSame(first, again, "evicted, decoded again");
        assertEquals(first.getQ(), again.getQ());
    }
}
