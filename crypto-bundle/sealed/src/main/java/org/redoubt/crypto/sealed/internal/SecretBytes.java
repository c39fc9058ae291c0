package org.redoubt.crypto.sealed.internal;

import java.util.Arrays;

/**
 * Key bytes with one owner, cleared on {@link #close()}. The one place where the hierarchy's key
 * material lives, so that clearing it is not left to each caller.
 */
public final class SecretBytes implements AutoCloseable {

    private final byte[] bytes;
    private boolean destroyed;

    /** @param bytes the key; taken over, not copied: the caller drops its reference */
    public SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @return the key itself, not a copy: pass it to an API that copies it, never keep it
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        return bytes;
    }

    /** @return whether the key was cleared */
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /** Overwrites the key with zeros. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }
}
