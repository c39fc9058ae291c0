package org.redoubt.driver.radios.internal;

import java.util.List;
import java.util.Optional;

import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.WifiNetwork;

/**
 * A backend's Wi-Fi station: scanning, joining and leaving networks as the hardware does it,
 * without any policy. Switching the backend's Wi-Fi radio off leaves the joined network.
 */
interface WifiStation {

    /**
     * @return the networks in range; empty when Wi-Fi is off
     * @throws RadioException {@code UNAVAILABLE} when the backend cannot scan
     */
    List<WifiNetwork> visible() throws RadioException;

    /**
     * Joins a network the station sees with exactly this SSID and security, leaving the one joined
     * before.
     *
     * @param network the network
     * @throws RadioException {@code UNAVAILABLE} when the backend cannot join networks,
     *                        {@code FAILED} when no such network is in range or it could not be
     *                        joined
     */
    void join(WifiNetwork network) throws RadioException;

    /** @return the network joined now, or empty */
    Optional<WifiNetwork> joined();

    /**
     * Leaves the joined network, if any.
     *
     * @throws RadioException {@code FAILED} when it could not be left
     */
    void leave() throws RadioException;
}
