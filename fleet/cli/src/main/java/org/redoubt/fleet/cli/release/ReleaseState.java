package org.redoubt.fleet.cli.release;

import java.util.Optional;

/**
 * The states a handset reports for a release in its acks, in the order it goes through them.
 * {@link #COMMITTED}, {@link #ROLLED_BACK} and {@link #REJECTED} are final; the last two are
 * failures and come with a reason code.
 */
public enum ReleaseState {
    /** The signed manifest was accepted; the files are being fetched. */
    DOWNLOAD_STARTED,
    /** Files are arriving; the ack carries {@code received} and {@code total} bytes. */
    DOWNLOADING,
    /** Every listed file arrived with its digest. */
    DOWNLOADED,
    /** The launcher verified the release and staged it. */
    VERIFIED,
    /** The running framework is being brought to the release. */
    INSTALLING,
    /** The health window is open. */
    TESTING,
    /** The release passed its health window and is the committed release. */
    COMMITTED,
    /** The release failed; the previous one runs again. */
    ROLLED_BACK,
    /** The release was refused before anything changed. */
    REJECTED;

    /** @return whether nothing follows this state */
    public boolean isFinal() {
        return this == COMMITTED || this == ROLLED_BACK || this == REJECTED;
    }

    /** @return whether the release failed */
    public boolean failed() {
        return this == ROLLED_BACK || this == REJECTED;
    }

    /**
     * @param target a state waited for
     * @return whether waiting for {@code target} ends here: the target or a later state reached
     *         without failing, or a failure
     */
    public boolean ends(ReleaseState target) {
        return failed() || ordinal() >= target.ordinal();
    }

    /**
     * @param name a state as acks write it
     * @return the state, empty for a name this tool does not know
     */
    public static Optional<ReleaseState> named(String name) {
        for (ReleaseState state : values()) {
            if (state.name().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
