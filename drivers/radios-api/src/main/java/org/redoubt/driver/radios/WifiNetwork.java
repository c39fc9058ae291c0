package org.redoubt.driver.radios;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Wi-Fi network as the handset sees it: its name and its security. Two networks with the same
 * SSID and different security are different networks (an open "Office" next to the WPA3 one is
 * not the office).
 *
 * @param ssid     the network's name as the handset shows it: 1 to 32 bytes in UTF-8, compared
 *                 exactly (case and blanks count)
 * @param security how the network protects its traffic
 * @since 1.2
 */
public record WifiNetwork(String ssid, WifiSecurity security) {

    /** The longest SSID, in bytes (IEEE 802.11). */
    public static final int MAX_SSID_BYTES = 32;

    /**
     * Checks the fields.
     *
     * @throws NullPointerException     when a field is missing
     * @throws IllegalArgumentException when the SSID is empty or longer than
     *                                  {@value #MAX_SSID_BYTES} bytes in UTF-8
     */
    public WifiNetwork {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(security, "security");
        int bytes = ssid.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_SSID_BYTES) {
            throw new IllegalArgumentException("an SSID has 1 to " + MAX_SSID_BYTES + " bytes, not " + bytes);
        }
    }
}
