package org.redoubt.audit.chain;

import java.util.Objects;
import java.util.Optional;

/**
 * What verifying a log found.
 *
 * @param entries        how many complete lines the log has
 * @param lastCheckpoint the sequence number of the last valid checkpoint before any break (0: none)
 * @param unsigned       how many entries follow that checkpoint (before any break): their links
 *                       hold, but no signature vouches for them yet
 * @param firstBreak     the first entry that does not verify, if any
 * @since 1.0
 */
public record ChainReport(long entries, long lastCheckpoint, long unsigned, Optional<ChainBreak> firstBreak) {

    /** @throws NullPointerException when {@code firstBreak} is null */
    public ChainReport {
        Objects.requireNonNull(firstBreak, "firstBreak");
    }

    /** @return whether the whole log verifies */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
