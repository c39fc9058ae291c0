package org.redoubt.release.agent.internal;

/** Why a bundle file's transfer was abandoned; the staging area is then left without it. */
final class TransferFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The reason codes an ack carries. */
    enum Reason {
        /** More bytes or chunks than the signed release lists for the file (SECURITY.md row 5). */
        TOO_LARGE,
        /** A chunk whose index or length cannot belong to the file. */
        MALFORMED_CHUNK,
        /** All bytes arrived, but their SHA-256 is not the one the release lists (row 1). */
        DIGEST_MISMATCH,
        /** The transfer did not finish within its deadline (row 12). */
        DEADLINE,
        /** Less than the minimum throughput over the watchdog's window (row 12). */
        TOO_SLOW,
        /** The staging area could not be read or written. */
        IO_FAILURE
    }

    private final Reason reason;

    TransferFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
