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
 * @param keys    wrapped data keys by store name
 * @param inboxes each store's inbox key pair: the public key in the clear, the private key wrapped
 */
record Keyring(Suite suite, PinKdfParameters kdf, byte[] salt, Wrapped check, Map<String, Wrapped> keys,
        Map<String, Inbox> inboxes) {

    /** Copies the maps. */
    Keyring {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(check, "check");
        keys = Map.copyOf(keys);
        inboxes = Map.copyOf(inboxes);
    }

    /**
     * @param store   a store
     * @param wrapped its wrapped data key
     * @return this keyring with that key added
     */
    Keyring with(String store, Wrapped wrapped) {
        Map<String, Wrapped> more = new LinkedHashMap<>(keys);
        more.put(store, wrapped);
        return new Keyring(suite, kdf, salt, check, more, inboxes);
    }

    /**
     * @param store a store
     * @param inbox its inbox key pair
     * @return this keyring with that inbox added
     */
    Keyring withInbox(String store, Inbox inbox) {
        Map<String, Inbox> more = new LinkedHashMap<>(inboxes);
        more.put(store, inbox);
        return new Keyring(suite, kdf, salt, check, keys, more);
    }

    /**
     * A store's inbox key pair.
     *
     * @param publicKey  DER SubjectPublicKeyInfo: records are sealed to it while the handset is locked
     * @param privateKey the DER PKCS#8 private key, wrapped under the key-encryption key
     */
    record Inbox(byte[] publicKey, Wrapped privateKey) {
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
