package org.redoubt.crypto.bc.internal;

import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;

/**
 * AES-256-GCM or SM4-GCM bound to one key; 12-byte nonce, 16-byte tag appended. Each operation
 * works on its own copy of the key, cleared afterwards, so operations may run in parallel and
 * {@link #close()} never races with them.
 */
final class GcmCipher implements AeadCipher {

    private static final int TAG_BITS = AeadAlgorithm.TAG_LENGTH * 8;

    private final AeadAlgorithm algorithm;
    private final byte[] key;
    private boolean closed;

    /**
     * @param algorithm the AEAD
     * @param key       {@link AeadAlgorithm#keyLength()} bytes (copied)
     * @throws IllegalArgumentException for a key of the wrong length
     */
    GcmCipher(AeadAlgorithm algorithm, byte[] key) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm.id() + " needs a " + algorithm.keyLength() + "-byte key");
        }
        this.key = key.clone();
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext) {
        if (nonce.length != AeadAlgorithm.NONCE_LENGTH) {
            throw new IllegalArgumentException("the nonce has " + AeadAlgorithm.NONCE_LENGTH + " bytes");
        }
        Objects.requireNonNull(associatedData, "associatedData");
        KeyParameter keyParameter = new KeyParameter(keyCopy());
        try {
            GCMModeCipher cipher = newCipher();
            cipher.init(true, new AEADParameters(keyParameter, TAG_BITS, nonce, associatedData));
            byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
            int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
            cipher.doFinal(out, written);
            return out;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(algorithm.id() + " failed to encrypt", e);
        } finally {
            Arrays.fill(keyParameter.getKey(), (byte) 0);
        }
    }

    @Override
    public byte[] open(byte[] nonce, byte[] associatedData, byte[] sealed) throws CryptoException {
        Objects.requireNonNull(associatedData, "associatedData");
        if (nonce.length != AeadAlgorithm.NONCE_LENGTH || sealed.length < AeadAlgorithm.TAG_LENGTH) {
            throw new CryptoException(CryptoException.Reason.AUTHENTICATION_FAILED,
                    "nonce or sealed message of the wrong length", null);
        }
        KeyParameter keyParameter = new KeyParameter(keyCopy());
        byte[] out = new byte[sealed.length - AeadAlgorithm.TAG_LENGTH];
        try {
            GCMModeCipher cipher = newCipher();
            cipher.init(false, new AEADParameters(keyParameter, TAG_BITS, nonce, associatedData));
            int written = cipher.processBytes(sealed, 0, sealed.length, out, 0);
            cipher.doFinal(out, written);
            return out;
        } catch (InvalidCipherTextException e) {
            // GCM decrypts before it checks the tag: never let that plaintext out.
            Arrays.fill(out, (byte) 0);
            throw new CryptoException(CryptoException.Reason.AUTHENTICATION_FAILED,
                    algorithm.id() + " tag does not match", e);
        } finally {
            Arrays.fill(keyParameter.getKey(), (byte) 0);
        }
    }

    @Override
    public synchronized void close() {
        Arrays.fill(key, (byte) 0);
        closed = true;
    }

    private synchronized byte[] keyCopy() {
        if (closed) {
            throw new IllegalStateException("the " + algorithm.id() + " cipher is closed");
        }
        return key.clone();
    }

    private GCMModeCipher newCipher() {
        return switch (algorithm) {
            case AES_256_GCM -> GCMBlockCipher.newInstance(AESEngine.newInstance());
            case SM4_GCM -> GCMBlockCipher.newInstance(new SM4Engine());
        };
    }
}
