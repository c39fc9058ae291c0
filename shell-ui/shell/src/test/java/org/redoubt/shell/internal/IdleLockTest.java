package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The idle timeout on its own: exactly at the limit, a key starting it again, never by default. */
class IdleLockTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:41:00Z");

    @Test
    void locksAtTheLimitAndNotASecondBefore() {
        IdleLock idle = new IdleLock(T0);
        assertFalse(idle.due(T0.plusSeconds(3600)), "never without a setting");
        idle.after(Duration.ofSeconds(30), T0);
        assertFalse(idle.due(T0.plusSeconds(29)));
        assertTrue(idle.due(T0.plusSeconds(30)));
    }

    @Test
    void activityAndANewSettingStartTheWaitAgain() {
        IdleLock idle = new IdleLock(T0);
        idle.after(Duration.ofSeconds(30), T0);
        idle.activity(T0.plusSeconds(20));
        assertFalse(idle.due(T0.plusSeconds(49)));
        assertTrue(idle.due(T0.plusSeconds(50)));
        idle.after(Duration.ofSeconds(60), T0.plusSeconds(50));
        assertFalse(idle.due(T0.plusSeconds(100)), "a new setting never locks at once");
        idle.after(Duration.ZERO, T0.plusSeconds(50));
        assertFalse(idle.due(T0.plusSeconds(10_000)));
        idle.after(Duration.ofSeconds(-5), T0.plusSeconds(50));
        assertFalse(idle.due(T0.plusSeconds(10_000)), "negative is never");
    }
}
