package org.redoubt.crypto.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A private key that signs. It holds secret material: {@link #close()} destroys it, after which
 * every method throws {@link IllegalStateException}.
 *
 * @since 1.0
 */
@ProviderType
public interface SigningKey extends AutoCloseable {

    /** @return the public half, with the same distinguishing identifier */
    VerificationKey verificationKey();

    /**
     * @param message the bytes to sign (for DSSE: the pre-authentication encoding)
     * @return the signature in the scheme's encoding (raw 64 bytes for Ed25519, DER for ECDSA/SM2)
     */
    byte[] sign(byte[] message);

    /**
     * @return the private key as DER PKCS#8; the caller must clear the array after use
     */
    byte[] encodePrivateKey();

    /** Destroys the key material. Closing twice does nothing. */
    @Override
    void close();
}
