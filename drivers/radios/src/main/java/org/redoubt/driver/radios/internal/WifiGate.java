package org.redoubt.driver.radios.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.log.Logger;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiNetworks;

/**
 * The {@link WifiNetworks} the handset sees: the current backend's Wi-Fi station behind the
 * policy. It shares the {@link RadioGate}'s lock, so that a policy, a radio switch and a join never
 * interleave: no join slips in between a policy that forbids the network and the network being left,
 * or between Wi-Fi going off and the join.
 */
final class WifiGate implements WifiNetworks {

    private final RadioGate radios; // its monitor guards this gate's state too
    private final Logger logger;
    private WifiPolicy policy = WifiPolicy.NONE; // guarded by radios

    /**
     * @param radios the radio switches behind the policy, and the lock
     * @param logger where networks left for the policy are reported
     */
    WifiGate(RadioGate radios, Logger logger) {
        this.radios = Objects.requireNonNull(radios, "radios");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /**
     * Takes a whole new policy as one step: the joined network is left when the radio policy
     * disables Wi-Fi or the Wi-Fi policy no longer admits it (logged), then the radio policy is
     * enforced. When the network cannot be left, Wi-Fi is switched off, which leaves it.
     *
     * @param radioPolicy the radios the policy disables
     * @param wifiPolicy  the networks it admits
     * @return the disabled radios that could not be switched off, as {@link RadioGate#enforce}
     */
    List<RadioException> enforce(RadioPolicy radioPolicy, WifiPolicy wifiPolicy) {
        synchronized (radios) {
            this.policy = Objects.requireNonNull(wifiPolicy, "wifiPolicy");
            Optional<WifiNetwork> joined = radios.station().joined();
            if (joined.isPresent()) {
                String why = radioPolicy.allows(Radio.WIFI) ? wifiPolicy.why(joined.get())
                        : "the policy disables Wi-Fi";
                if (why != null) {
                    leaveFor(joined.get(), why);
                }
            }
            return radios.enforce(radioPolicy);
        }
    }

    private void leaveFor(WifiNetwork network, String why) {
        try {
            radios.station().leave();
            logger.info("left the joined Wi-Fi network ({}): {}", network.security(), why);
        } catch (RadioException failed) {
            try {
                radios.set(Radio.WIFI, false);
                logger.error("could not leave the joined Wi-Fi network ({}; {}), switched Wi-Fi off instead",
                        network.security(), why, failed);
            } catch (RadioException off) {
                off.addSuppressed(failed);
                logger.error("could not leave the joined Wi-Fi network ({}; {}) nor switch Wi-Fi off",
                        network.security(), why, off);
            }
        }
    }

    @Override
    public List<WifiNetwork> visible() throws RadioException {
        synchronized (radios) {
            return radios.station().visible();
        }
    }

    @Override
    public void join(WifiNetwork network) throws RadioException {
        Objects.requireNonNull(network, "network");
        synchronized (radios) {
            if (!radios.isAllowed(Radio.WIFI)) {
                throw new RadioException(Reason.DISABLED_BY_POLICY, "Wi-Fi is disabled by the handset's policy", null);
            }
            String why = policy.why(network);
            if (why != null) {
                throw new RadioException(Reason.NOT_ALLOWED_BY_POLICY,
                        "the handset's policy does not allow this Wi-Fi network: " + why, null);
            }
            if (!radios.isOn(Radio.WIFI)) {
                throw new RadioException(Reason.RADIO_OFF, "Wi-Fi is off; switch it on first", null);
            }
            if (!network.equals(radios.station().joined().orElse(null))) {
                radios.station().join(network);
            }
        }
    }

    @Override
    public Optional<WifiNetwork> joined() {
        synchronized (radios) {
            return radios.station().joined();
        }
    }

    @Override
    public boolean isAllowed(WifiNetwork network) {
        Objects.requireNonNull(network, "network");
        synchronized (radios) {
            return radios.isAllowed(Radio.WIFI) && policy.admits(network);
        }
    }

    @Override
    public void leave() throws RadioException {
        synchronized (radios) {
            radios.station().leave();
        }
    }
}
