package org.redoubt.crypto.bc.internal;

/**
 * A freshly generated or imported key pair in this bundle's internal form.
 *
 * @param secret               the raw private key: the 32-byte seed (Ed25519) or the 32-byte
 *                             big-endian scalar (ECDSA, SM2); the receiver owns and clears it
 * @param subjectPublicKeyInfo the DER public key
 */
record KeyMaterial(byte[] secret, byte[] subjectPublicKeyInfo) {
}
