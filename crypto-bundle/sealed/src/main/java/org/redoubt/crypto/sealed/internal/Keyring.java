package org.redoubt.crypto.sealed.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;

/**
 * What {@code keyring.json} holds: the suite and PIN cost the key-encryption key was derived
 * with, its salt, a check value sealed under it, and each store's wrapped data key. Nothing in it
 * is secret without the PIN and the device secret.
 *
 * @param suite the suite of the key-encryption key and the data keys
 * @param kdf   the Argon2id cost
 * @param salt  the salt of Argon2id and HKDF
 * @param check an empty message sealed under the key-encryption key: tells a wrong PIN
 * @param keys  wrapped data keys by store name
 */
record Keyring(Suite suite, PinKdfParameters kdf, byte[] salt, Wrapped check, Map<String, Wrapped> keys) {

    /** Copies the map. */
    Keyring {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(check, "check");
        keys = Map.copyOf(keys);
    }

    /**
     * @param store   a store
     * @param wrapped its wrapped data key
     * @return this keyring with that key added
     */
    Keyring with(String store, Wrapped wrapped) {
        Map<String, Wrapped> more = new LinkedHashMap<>(keys);
        more.put(store, wrapped);
        return new Keyring(suite, kdf, salt, check, more);
    }

    /**
     * An AEAD-sealed value and its nonce.
     *
     * @param nonce  the nonce
     * @param sealed ciphertext and tag
     */
    record Wrapped(byte[] nonce, byte[] sealed) {
    }
}
