package org.redoubt.release.agent.internal;

/**
 * The states a release goes through on a handset, reported to the operator in acks in this order
 * (DESIGN.md section 4). {@link #REJECTED} and {@link #ROLLED_BACK} end a release with a reason;
 * {@link #COMMITTED} ends it well.
 */
enum ReleaseProgress {
    /** The signed manifest was accepted; its bundle files are being fetched. */
    DOWNLOAD_STARTED,
    /** Bytes arrived; the ack says how many of how many (at most one ack per quarter of a file). */
    DOWNLOADING,
    /** Every listed file arrived with its listed digest. */
    DOWNLOADED,
    /** The launcher verified the release and staged it as the candidate. */
    VERIFIED,
    /**
     * The release replaces the release agent itself, which cannot swap itself live: it is staged as
     * the candidate and runs from the next start of the runtime (TESTING, committed once ready, the
     * committed release again after failed boots).
     */
    STAGED_FOR_RESTART,
    /** The running framework is being brought to the release. */
    INSTALLING,
    /** The health window is open. */
    TESTING,
    /** The release passed its health window and is the committed release. */
    COMMITTED,
    /** The release failed, the previous one runs again. */
    ROLLED_BACK,
    /** The release was refused before anything changed. */
    REJECTED;

    /** @return whether the release ended in this state */
    boolean isFinal() {
        return this == COMMITTED || this == ROLLED_BACK || this == REJECTED;
    }
}
