package org.redoubt.driver.radios;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Wi-Fi networks the handset may join, behind the handset's policy (policy fields
 * {@code radios.wifi}, {@code wifi.ssidAllowlist} and {@code wifi.minSecurity}; this service is
 * their one enforcement point). A network is allowed when Wi-Fi is not disabled by the policy,
 * its SSID is on the policy's allowlist (an empty allowlist allows any SSID) and its security is
 * at least the policy's minimum ({@link WifiSecurity#OPEN} and {@link WifiSecurity#WEP} are
 * below every minimum). When a new policy no longer allows the joined network, it is left at
 * once; when Wi-Fi is switched off ({@link Radios#set(Radio, boolean)}), the joined network is
 * left. Thread-safe.
 *
 * @since 1.2
 */
@ProviderType
public interface WifiNetworks {

    /**
     * The networks in range now, allowed or not (show the ones {@link #isAllowed(WifiNetwork)}
     * refuses as managed).
     *
     * @return the networks in range; empty when Wi-Fi is off
     * @throws RadioException {@code UNAVAILABLE} when this handset cannot scan for networks (no
     *                        Wi-Fi, or no Wi-Fi station backend yet)
     */
    List<WifiNetwork> visible() throws RadioException;

    /**
     * Joins a network, leaving the one joined before. Give the network as {@link #visible()}
     * reports it: the handset joins only a network it sees with that SSID <em>and</em> that
     * security, so claiming a stronger security than a network has never gets it past the
     * policy. Joining the network already joined does nothing.
     *
     * @param network the network
     * @throws RadioException {@code DISABLED_BY_POLICY} when the policy disables Wi-Fi,
     *                        {@code NOT_ALLOWED_BY_POLICY} when the policy does not allow this
     *                        network (nothing is left or joined in either case),
     *                        {@code RADIO_OFF} when Wi-Fi is switched off, {@code UNAVAILABLE}
     *                        when this handset cannot join networks, {@code FAILED} when the
     *                        network is not in range or could not be joined
     * @throws NullPointerException when the network is null
     */
    void join(WifiNetwork network) throws RadioException;

    /** @return the network joined now, or empty */
    Optional<WifiNetwork> joined();

    /**
     * Whether the handset's policy lets this network be joined now. Says nothing about whether it
     * is in range or Wi-Fi is on.
     *
     * @param network a network
     * @return {@code false} when the policy disables Wi-Fi, the SSID is not on a non-empty
     *         allowlist, or the security is below the policy's minimum
     * @throws NullPointerException when the network is null
     */
    boolean isAllowed(WifiNetwork network);

    /**
     * Leaves the joined network; nothing happens when none is joined. Always allowed.
     *
     * @throws RadioException {@code FAILED} when the backend could not leave it (switching Wi-Fi
     *                        off leaves it for certain)
     */
    void leave() throws RadioException;
}
