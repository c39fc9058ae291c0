package org.redoubt.crypto.bc.internal;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.redoubt.crypto.api.CryptoException;

/**
 * The last few public keys a curve decoded for verification, by their encoding. A handset
 * verifies with the same few role keys again and again; reusing the decoded point spares the
 * decoding and lets Bouncy Castle keep the point's precomputed multiples between signatures
 * (cached on the point), which takes a fifth off an ECDSA or SM2 check on this JVM. Only valid
 * keys are kept; bounded, least recently used out first; thread-safe.
 */
final class PublicKeyCache {

    private static final int ENTRIES = 32;

    private final NamedCurve curve;
    private final Map<ByteBuffer, ECPublicKeyParameters> keys = new LinkedHashMap<>(ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, ECPublicKeyParameters> eldest) {
            return size() > ENTRIES;
        }
    };

    PublicKeyCache(NamedCurve curve) {
        this.curve = curve;
    }

    /**
     * @param subjectPublicKeyInfo DER public key
     * @return the decoded key, as {@link NamedCurve#publicKey} returns it
     * @throws CryptoException as {@link NamedCurve#publicKey} throws it
     */
    ECPublicKeyParameters publicKey(byte[] subjectPublicKeyInfo) throws CryptoException {
        ByteBuffer encoding = ByteBuffer.wrap(subjectPublicKeyInfo.clone());
        synchronized (keys) {
            ECPublicKeyParameters known = keys.get(encoding);
            if (known != null) {
                return known;
            }
        }
        ECPublicKeyParameters decoded = curve.publicKey(subjectPublicKeyInfo);
        synchronized (keys) {
            keys.put(encoding, decoded);
        }
        return decoded;
    }
}
