package org.redoubt.driver.radios;

/**
 * How a Wi-Fi network protects its traffic, weakest first: {@link Enum#compareTo} orders by
 * strength, so a network meets a minimum when {@code security.compareTo(minimum) >= 0}.
 *
 * @since 1.2
 */
public enum WifiSecurity {
    /** No encryption. */
    OPEN,
    /** WEP: broken, counted as no better than open. */
    WEP,
    /** WPA2-Personal. */
    WPA2,
    /** WPA3-Personal. */
    WPA3,
    /** WPA2 or WPA3 Enterprise (802.1X). */
    ENTERPRISE
}
