package org.redoubt.driver.radios.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiSecurity;

/**
 * Which Wi-Fi networks the handset's policy admits (policy {@code wifi.ssidAllowlist} and
 * {@code wifi.minSecurity}), read from the configuration's {@code wifiSsidAllowlist} and
 * {@code wifiMinSecurity}. A network is admitted when the allowlist is empty or holds its SSID
 * (exactly: case and blanks count), and its security is at least the minimum. No minimum is
 * {@link WifiSecurity#OPEN}: anything goes. Whether Wi-Fi itself is allowed is the
 * {@link RadioPolicy}'s business.
 *
 * <p>Fail closed: a minimum that is none of {@code WPA2}, {@code WPA3}, {@code ENTERPRISE} (case
 * and surrounding blanks ignored) is a configuration error and means {@code ENTERPRISE}, the
 * strictest; an allowlist entry that can be no SSID (null, empty, over 32 bytes) is a
 * configuration error and matches nothing, and the allowlist still restricts.
 *
 * @param anySsid whether the allowlist is empty (any SSID)
 * @param ssids   the SSIDs on the allowlist
 * @param minimum the weakest security admitted
 * @param errors  what was wrong with the configuration (no SSIDs in them)
 */
record WifiPolicy(boolean anySsid, Set<String> ssids, WifiSecurity minimum, List<String> errors) {

    /** Any network. */
    static final WifiPolicy NONE = new WifiPolicy(true, Set.of(), WifiSecurity.OPEN, List.of());

    /** The minimums a policy can name, weakest first. */
    private static final List<WifiSecurity> MINIMUMS = List.of(WifiSecurity.WPA2, WifiSecurity.WPA3,
            WifiSecurity.ENTERPRISE);

    WifiPolicy {
        ssids = Set.copyOf(ssids);
        Objects.requireNonNull(minimum, "minimum");
        errors = List.copyOf(errors);
    }

    /**
     * @param allowlist   the SSIDs allowed (empty or null: any)
     * @param minSecurity {@code WPA2}, {@code WPA3}, {@code ENTERPRISE}, or empty/null for none
     * @return the policy they say
     */
    static WifiPolicy of(String[] allowlist, String minSecurity) {
        List<String> errors = new ArrayList<>();
        Set<String> ssids = new LinkedHashSet<>();
        boolean anySsid = allowlist == null || allowlist.length == 0;
        if (!anySsid) {
            for (int i = 0; i < allowlist.length; i++) {
                if (isSsid(allowlist[i])) {
                    ssids.add(allowlist[i]);
                } else {
                    errors.add("wifiSsidAllowlist entry " + i + " can be no SSID (null, empty or over "
                            + WifiNetwork.MAX_SSID_BYTES + " bytes) and matches no network");
                }
            }
        }
        WifiSecurity minimum = WifiSecurity.OPEN;
        if (minSecurity != null && !minSecurity.isBlank()) {
            minimum = minimum(minSecurity);
            if (minimum == null) {
                errors.add("wifiMinSecurity '" + minSecurity + "' is none of " + MINIMUMS + "; "
                        + WifiSecurity.ENTERPRISE + " is required");
                minimum = WifiSecurity.ENTERPRISE;
            }
        }
        return new WifiPolicy(anySsid, ssids, minimum, errors);
    }

    /**
     * @param network a network
     * @return whether the policy admits it
     */
    boolean admits(WifiNetwork network) {
        return why(network) == null;
    }

    /**
     * @param network a network
     * @return why the policy does not admit it (without its SSID), or null when it does
     */
    String why(WifiNetwork network) {
        if (!anySsid && !ssids.contains(network.ssid())) {
            return "its SSID is not on the policy's Wi-Fi allowlist";
        }
        if (network.security().compareTo(minimum) < 0) {
            return "its security " + network.security() + " is below the policy's minimum " + minimum;
        }
        return null;
    }

    private static boolean isSsid(String ssid) {
        if (ssid == null) {
            return false;
        }
        try {
            new WifiNetwork(ssid, WifiSecurity.OPEN);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static WifiSecurity minimum(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (WifiSecurity security : MINIMUMS) {
            if (security.name().equals(wanted)) {
                return security;
            }
        }
        return null;
    }
}
