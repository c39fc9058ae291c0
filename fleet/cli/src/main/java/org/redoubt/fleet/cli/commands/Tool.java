package org.redoubt.fleet.cli.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.fleet.cli.keys.CryptoProviders;

/**
 * What every command is given: the crypto provider and the clock. Tests pass their own clock.
 *
 * @param provider the crypto provider
 * @param clock    the clock
 */
public record Tool(CryptoProvider provider, Clock clock) {

    /** Checks the parts. */
    public Tool {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(clock, "clock");
    }

    /** @return the provider on the class path and the system clock */
    public static Tool system() {
        return new Tool(CryptoProviders.load(), Clock.systemUTC());
    }

    /** @return now, in whole seconds (what documents carry) */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
