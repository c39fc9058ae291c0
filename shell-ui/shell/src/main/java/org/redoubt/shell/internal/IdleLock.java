package org.redoubt.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the handset has been left alone long enough to lock it (policy {@code lock.maxInactivity}):
 * the time of the last key press (or of the last moment a call was up) and the allowed idle time,
 * zero for never. Shell thread only.
 */
final class IdleLock {

    private Duration after = Duration.ZERO;
    private Instant lastActivity;

    /** @param start when the shell started: counts as activity */
    IdleLock(Instant start) {
        this.lastActivity = Objects.requireNonNull(start, "start");
    }

    /**
     * @param idle how long without activity before the handset locks; zero or negative for never
     * @param now  the time now: the wait starts again, so a new setting never locks at once
     */
    void after(Duration idle, Instant now) {
        this.after = idle.isNegative() ? Duration.ZERO : idle;
        activity(now);
    }

    /** @param now a key was pressed, a call is up, or the handset just locked */
    void activity(Instant now) {
        lastActivity = now;
    }

    /** @return whether the handset should lock now */
    boolean due(Instant now) {
        return !after.isZero() && !now.isBefore(lastActivity.plus(after));
    }
}
