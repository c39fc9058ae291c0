package org.redoubt.driver.radios.internal;

import java.util.List;
import java.util.Optional;

import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.WifiNetwork;

/**
 * The Wi-Fi station of a Linux handset, as far as this OS has one: the rfkill switch exists, but
 * there is no supplicant yet to scan, authenticate and associate. Scanning and joining say so
 * ({@code UNAVAILABLE}) instead of pretending that no network is in range; nothing is ever joined,
 * so leaving does nothing.
 */
final class NoSupplicantStation implements WifiStation {

    @Override
    public List<WifiNetwork> visible() throws RadioException {
        throw unavailable("scan for");
    }

    @Override
    public void join(WifiNetwork network) throws RadioException {
        throw unavailable("join");
    }

    @Override
    public Optional<WifiNetwork> joined() {
        return Optional.empty();
    }

    @Override
    public void leave() {
        // nothing can have been joined
    }

    private static RadioException unavailable(String what) {
        return new RadioException(Reason.UNAVAILABLE, "this handset cannot " + what
                + " Wi-Fi networks: the OS has no Wi-Fi supplicant yet (only the rfkill switch)", null);
    }
}
