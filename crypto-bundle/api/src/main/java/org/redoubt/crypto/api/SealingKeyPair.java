package org.redoubt.crypto.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key pair to seal records to: anyone with the public key can seal, only the private key opens
 * (see {@link CryptoProvider#sealTo}). The private key is DER PKCS#8; {@link #close()} clears it.
 *
 * @since 1.1
 */
public final class SealingKeyPair implements AutoCloseable {

    private final Suite suite;
    private final byte[] publicKey;
    private final byte[] privateKey;
    private boolean closed;

    /**
     * @param suite      the suite whose curve the keys are on
     * @param publicKey  DER SubjectPublicKeyInfo (copied)
     * @param privateKey DER PKCS#8 (copied; the caller clears its array)
     */
    public SealingKeyPair(Suite suite, byte[] publicKey, byte[] privateKey) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey.clone();
    }

    /** @return the suite: P-256 keys for NIST, SM2 keys for SM */
    public Suite suite() {
        return suite;
    }

    /** @return the public key, DER SubjectPublicKeyInfo (a copy) */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * @return the private key, DER PKCS#8 (a copy the caller clears)
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized byte[] privateKey() {
        if (closed) {
            throw new IllegalStateException("the key pair is closed");
        }
        return privateKey.clone();
    }

    /** Clears the private key. */
    @Override
    public synchronized void close() {
        Arrays.fill(privateKey, (byte) 0);
        closed = true;
    }
}
