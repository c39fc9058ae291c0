package org.redoubt.crypto.api;

/**
 * The outcome of checking one signature. Only {@link #VALID} means the key signed the message.
 *
 * @since 1.0
 */
public enum SignatureCheck {
    /** The signature is valid for the key and message. */
    VALID,
    /** Well-formed, but not a signature of this message by this key. */
    INVALID_SIGNATURE,
    /** Not even a signature of the scheme's form (wrong length, bad DER, out-of-range values). */
    MALFORMED_SIGNATURE,
    /** The key's bytes are not a key of its scheme (wrong algorithm, wrong curve, bad encoding). */
    INVALID_KEY
}
