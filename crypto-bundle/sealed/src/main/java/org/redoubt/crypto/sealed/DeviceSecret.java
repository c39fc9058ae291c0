package org.redoubt.crypto.sealed;

import org.osgi.annotation.versioning.ProviderType;
import org.redoubt.crypto.api.HashAlgorithm;

/**
 * The secret that binds keys to this handset. On hardware it lives in the secure element or TEE
 * and never leaves it; the emulator keeps it in a file only the runtime may read. Either way
 * callers never see it: they get keys derived from it for one named purpose, so that a copy of
 * the data directory alone cannot be decrypted elsewhere, and a PIN cannot be guessed off the
 * handset.
 *
 * @since 1.0
 */
@ProviderType
public interface DeviceSecret {

    /**
     * Derives a key for one purpose. Each purpose has its own secret (its own slot in a secure
     * element), so that one can be destroyed without the others: wiping the stores must not
     * destroy the handset's identity key. The same purpose gives the same key until
     * {@link #destroy(String)}.
     *
     * @param hash    the HKDF hash, from the active suite
     * @param purpose what the key is for: 1..32 of {@code a-z 0-9 -}, e.g. {@code "storage-kek"};
     *                distinct purposes give unrelated keys
     * @param length  key length in bytes, 16..64
     * @return the key; the caller clears it after use
     * @throws SealedStorageException {@link SealedStorageException.Reason#DEVICE_SECRET_UNAVAILABLE}
     *                                when the secret cannot be read or created
     */
    byte[] deriveKey(HashAlgorithm hash, String purpose, int length) throws SealedStorageException;

    /**
     * Destroys the secret of one purpose: every key ever derived for it becomes unrecoverable
     * (crypto-erase). A new, unrelated secret is created on the next {@link #deriveKey} for that
     * purpose. Other purposes are not affected.
     *
     * @param purpose the purpose
     * @throws SealedStorageException {@link SealedStorageException.Reason#DEVICE_SECRET_UNAVAILABLE}
     *                                when it could not be destroyed
     */
    void destroy(String purpose) throws SealedStorageException;
}
