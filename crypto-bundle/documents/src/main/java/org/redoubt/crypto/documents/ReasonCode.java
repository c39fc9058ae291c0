package org.redoubt.crypto.documents;

/**
 * Why a signed document was refused. The names are stable: they travel in acks and audit entries.
 *
 * @since 1.0
 */
public enum ReasonCode {
    /** The envelope (or a payload) is larger than the caller's size cap. */
    TOO_LARGE,
    /** The envelope is not a strict DSSE JSON envelope (syntax, members, base64, no signatures). */
    MALFORMED_ENVELOPE,
    /** The envelope's payloadType is not the one expected. */
    WRONG_PAYLOAD_TYPE,
    /** Fewer valid signatures from distinct keys of the role than its threshold. */
    THRESHOLD_NOT_MET,
    /** The payload is not a well-formed document: a member missing, of the wrong type or value. */
    MALFORMED_DOCUMENT,
    /** The payload has a member its schema does not know. */
    UNKNOWN_FIELD,
    /** The document's {@code type} is not the one expected. */
    WRONG_TYPE,
    /** The document's target names another device, group or hardware model, or nothing at all. */
    WRONG_TARGET,
    /** The version is below the floor, or equal to it with different bytes. */
    ROLLBACK,
    /** A new root's version is more than one above the current root's. */
    VERSION_SKIP,
    /** The document's {@code expires} is not after the time floor. */
    EXPIRED,
    /** A root lists a key of a signature scheme this handset does not support. */
    UNSUPPORTED_SCHEME,
    /** A root lists a key that is not a valid key of its scheme, or whose key id is not its SHA-256. */
    INVALID_KEY
}
