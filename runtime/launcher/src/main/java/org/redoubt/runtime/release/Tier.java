package org.redoubt.runtime.release;

import java.util.Locale;

/**
 * The layer a bundle belongs to, which fixes its start level: drivers start before the platform
 * services that use them, and those before the shell. A bundle declares its tier in its
 * {@value #HEADER} manifest header; bundles without one (third-party libraries such as SCR) are
 * {@link #CORE}.
 */
public enum Tier {
    /** Framework services and libraries: SCR, Config Admin, Log, health, logging. */
    CORE(1),
    /** The crypto API and its provider. */
    CRYPTO(2),
    /** Hardware drivers. */
    DRIVER(3),
    /** Platform services: stores, telephony, policy and update agents. */
    PLATFORM(4),
    /** The handset shell. */
    SHELL(5),
    /** Engineering tools such as the Gogo shell; never in a production release. */
    TOOLS(6);

    /** The manifest header that names a bundle's tier. */
    public static final String HEADER = "Redoubt-Tier";

    private final int startLevel;

    Tier(int startLevel) {
        this.startLevel = startLevel;
    }

    /** @return the start level bundles of this tier get */
    public int startLevel() {
        return startLevel;
    }

    /**
     * @param name a tier name in any case, e.g. {@code driver}
     * @return the tier
     * @throws IllegalArgumentException for an unknown name
     */
    public static Tier named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tier '" + name + "'", e);
        }
    }

    /** @return the highest start level any tier uses */
    public static int highestStartLevel() {
        return TOOLS.startLevel;
    }
}
