package org.redoubt.crypto.bc.internal;

import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.redoubt.crypto.api.HashAlgorithm;

/** Digests, HMAC and HKDF (RFC 5869) over SHA-256 and SM3. Stateless. */
final class Hashes {

    private Hashes() {
    }

    /**
     * @param algorithm the hash
     * @return a fresh digest
     */
    static Digest newDigest(HashAlgorithm algorithm) {
        return switch (Objects.requireNonNull(algorithm, "algorithm")) {
            case SHA256 -> new SHA256Digest();
            case SM3 -> new SM3Digest();
        };
    }

    /**
     * @param algorithm the hash
     * @param data      the bytes
     * @return the digest
     */
    static byte[] digest(HashAlgorithm algorithm, byte[] data) {
        Digest digest = newDigest(algorithm);
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /**
     * @param algorithm the hash
     * @param key       the key (copied; the copy is cleared)
     * @param data      the bytes
     * @return the MAC
     */
    static byte[] hmac(HashAlgorithm algorithm, byte[] key, byte[] data) {
        HMac mac = new HMac(newDigest(algorithm));
        KeyParameter parameter = new KeyParameter(key);
        try {
            mac.init(parameter);
            mac.update(data, 0, data.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        } finally {
            Arrays.fill(parameter.getKey(), (byte) 0);
            mac.reset();
        }
    }

    /**
     * @param algorithm        the hash
     * @param inputKeyMaterial the secret (copied by Bouncy Castle)
     * @param salt             may be empty (then HashLen zero bytes, as RFC 5869 says)
     * @param info             may be empty
     * @param length           1..255 hash lengths
     * @return the output keying material
     * @throws IllegalArgumentException for a length out of range
     */
    static byte[] hkdf(HashAlgorithm algorithm, byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(info, "info");
        int max = 255 * Objects.requireNonNull(algorithm, "algorithm").length();
        if (length < 1 || length > max) {
            throw new IllegalArgumentException("HKDF output length must be 1.." + max);
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(newDigest(algorithm));
        generator.init(new HKDFParameters(inputKeyMaterial, salt.length == 0 ? null : salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
