/**
 * The handset's cryptographic primitives, in two suites: NIST (Ed25519, ECDSA P-256 with SHA-256,
 * SHA-256, AES-256-GCM, HMAC/HKDF-SHA-256) and SM (SM2 with SM3 and an explicit distinguishing
 * identifier, SM3, SM4-GCM, HMAC/HKDF-SM3), plus a PIN key-derivation function.
 *
 * <p>Contract for every method: bad input from outside (a malformed key, signature or ciphertext)
 * is a {@link org.redoubt.crypto.api.CryptoException} with a {@link
 * org.redoubt.crypto.api.CryptoException.Reason}, or a {@code false}/negative verification result,
 * never an unchecked exception. Unchecked exceptions mean a programming error (a null, a length
 * outside the documented range). A missing provider is never replaced by another one: without
 * the implementation bundle there is no {@link org.redoubt.crypto.api.CryptoProvider} service at
 * all, and everything that needs it stays unsatisfied and is reported by readiness.
 *
 * <p>Secret material: methods copy the key bytes they are given; callers clear their own arrays.
 * Objects holding keys ({@link org.redoubt.crypto.api.SigningKey},
 * {@link org.redoubt.crypto.api.AeadCipher}) clear them on {@code close()}.
 *
 * <p>1.1 adds sealing to a public key ({@link org.redoubt.crypto.api.CryptoProvider#sealTo},
 * {@link org.redoubt.crypto.api.SealingKeyPair}).
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.crypto.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
