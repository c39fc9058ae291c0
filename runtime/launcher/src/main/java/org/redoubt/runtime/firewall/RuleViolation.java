package org.redoubt.runtime.firewall;

import java.time.Instant;
import java.util.Objects;

/**
 * An attempt the rules stopped.
 *
 * @param bundle what asked: the bundle's symbolic name
 * @param kind   what it reached for
 * @param target the service interface or the package name
 * @param time   when
 * @since 1.0
 */
public record RuleViolation(String bundle, Kind kind, String target, Instant time) {

    /** What a bundle reached for. */
    public enum Kind {
        /** A service it may not see (find, get or listen). */
        SERVICE,
        /** A driver API package it may not import. */
        PACKAGE
    }

    /** @throws NullPointerException when a part is null */
    public RuleViolation {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(time, "time");
    }
}
