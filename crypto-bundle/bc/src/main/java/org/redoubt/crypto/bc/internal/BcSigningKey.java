package org.redoubt.crypto.bc.internal;

import java.util.Arrays;
import java.util.Objects;

import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;

/**
 * A private key of one scheme. Holds the raw private key in an array it clears on {@link #close()};
 * Bouncy Castle's per-operation parameter objects are dropped right after each use.
 */
final class BcSigningKey implements SigningKey {

    private final SchemeKeys scheme;
    private final VerificationKey verificationKey;
    private final byte[] secret;
    private boolean closed;

    /**
     * @param scheme          the scheme
     * @param verificationKey the public half
     * @param secret          the raw private key; this object takes it over and clears it on close
     */
    BcSigningKey(SchemeKeys scheme, VerificationKey verificationKey, byte[] secret) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.verificationKey = Objects.requireNonNull(verificationKey, "verificationKey");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    @Override
    public synchronized VerificationKey verificationKey() {
        checkOpen();
        return verificationKey;
    }

    @Override
    public synchronized byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        checkOpen();
        return scheme.sign(secret, verificationKey.distinguishingId(), message);
    }

    @Override
    public synchronized byte[] encodePrivateKey() {
        checkOpen();
        return scheme.encodePrivateKey(secret);
    }

    @Override
    public synchronized void close() {
        Arrays.fill(secret, (byte) 0);
        closed = true;
    }

    @Override
    public String toString() {
        return "SigningKey[" + verificationKey + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the signing key " + verificationKey + " is closed");
        }
    }
}
