package org.redoubt.driver.radios.internal;

import java.util.ArrayList;
import java.util.List;

import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiSecurity;

/**
 * The Wi-Fi networks the simulated backend has in range, read strictly from the configuration's
 * {@code simulatedNetworks} entries, each {@code SSID:SECURITY}: the SSID is everything before the
 * last colon (1 to 32 bytes in UTF-8, taken as written), the security is the exact name of a
 * {@link WifiSecurity} constant ({@code OPEN}, {@code WEP}, {@code WPA2}, {@code WPA3},
 * {@code ENTERPRISE}). An entry that is not that, or repeats an earlier one, is rejected with why;
 * nothing is guessed.
 *
 * @param networks the networks, in configured order
 * @param rejected why each rejected entry was skipped
 */
record SimulatedNetworks(List<WifiNetwork> networks, List<String> rejected) {

    SimulatedNetworks {
        networks = List.copyOf(networks);
        rejected = List.copyOf(rejected);
    }

    /**
     * @param entries {@code SSID:SECURITY} entries, or null
     * @return the networks and the rejections
     */
    static SimulatedNetworks parse(String[] entries) {
        List<WifiNetwork> networks = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                String why = problem(entry);
                if (why == null) {
                    WifiNetwork network = network(entry);
                    if (networks.contains(network)) {
                        rejected.add("'" + entry + "' is listed twice");
                    } else {
                        networks.add(network);
                    }
                } else {
                    rejected.add(why);
                }
            }
        }
        return new SimulatedNetworks(networks, rejected);
    }

    /** @return why the entry is no network, or null when it is one */
    private static String problem(String entry) {
        if (entry == null) {
            return "an entry is null";
        }
        int colon = entry.lastIndexOf(':');
        if (colon < 0) {
            return "'" + entry + "' is not SSID:SECURITY";
        }
        String security = entry.substring(colon + 1);
        if (!isSecurity(security)) {
            return "'" + entry + "' names no security (OPEN, WEP, WPA2, WPA3 or ENTERPRISE, as written)";
        }
        try {
            new WifiNetwork(entry.substring(0, colon), WifiSecurity.OPEN);
        } catch (IllegalArgumentException e) {
            return "'" + entry + "' has no valid SSID: " + e.getMessage();
        }
        return null;
    }

    private static boolean isSecurity(String name) {
        for (WifiSecurity security : WifiSecurity.values()) {
            if (security.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static WifiNetwork network(String entry) {
        int colon = entry.lastIndexOf(':');
        return new WifiNetwork(entry.substring(0, colon), WifiSecurity.valueOf(entry.substring(colon + 1)));
    }
}
