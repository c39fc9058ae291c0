package org.redoubt.driver.radios.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.Radios;

/**
 * The {@link Radios} the handset sees: a backend's switches behind the policy. A radio the policy
 * disables is switched off when the policy arrives and refuses to be switched on. One lock for
 * the policy and the switches, so no {@code set(radio, true)} can slip in between a policy that
 * disables the radio and the radio going off. The {@link WifiGate} shares this lock.
 */
final class RadioGate implements Radios {

    private RadioSwitches switches;
    private RadioPolicy policy = RadioPolicy.NONE;

    /** @param switches the backend; its radios should be off already */
    RadioGate(RadioSwitches switches) {
        this.switches = Objects.requireNonNull(switches, "switches");
    }

    /**
     * Switches every radio of a backend off; a radio the handset lacks is skipped.
     *
     * @param switches a backend
     * @return the radios the handset lacks, with why
     * @throws RadioException {@code FAILED} when a present radio cannot be switched off
     */
    static Map<Radio, RadioException> allOff(RadioSwitches switches) throws RadioException {
        Map<Radio, RadioException> missing = new EnumMap<>(Radio.class);
        for (Radio radio : Radio.values()) {
            try {
                switches.set(radio, false);
            } catch (RadioException e) {
                if (e.reason() != Reason.UNAVAILABLE) {
                    throw e;
                }
                missing.put(radio, e);
            }
        }
        return missing;
    }

    /**
     * Puts another backend in place (its radios should be off already); the policy stays.
     *
     * @param replacement the new backend
     */
    synchronized void replace(RadioSwitches replacement) {
        this.switches = Objects.requireNonNull(replacement, "replacement");
    }

    /**
     * Takes a new policy: from now on a disabled radio cannot be switched on, and each one that is
     * present is switched off now. A radio that no longer is disabled stays as it is (off, unless
     * something switches it on).
     *
     * @param next the policy
     * @return the disabled radios that could not be switched off (a missing radio is not one);
     *         they stay refused
     */
    synchronized List<RadioException> enforce(RadioPolicy next) {
        this.policy = Objects.requireNonNull(next, "next");
        List<RadioException> failed = new ArrayList<>();
        for (Radio radio : next.disabled()) {
            try {
                switches.set(radio, false);
            } catch (RadioException e) {
                if (e.reason() != Reason.UNAVAILABLE) {
                    failed.add(e);
                }
            }
        }
        return failed;
    }

    /** @return the current backend's Wi-Fi station; hold this gate's lock while using it */
    synchronized WifiStation station() {
        return switches.wifi();
    }

    @Override
    public synchronized boolean isOn(Radio radio) throws RadioException {
        return switches.isOn(Objects.requireNonNull(radio, "radio"));
    }

    @Override
    public synchronized void set(Radio radio, boolean on) throws RadioException {
        Objects.requireNonNull(radio, "radio");
        if (on && !policy.allows(radio)) {
            throw new RadioException(Reason.DISABLED_BY_POLICY, radio + " is disabled by the handset's policy", null);
        }
        switches.set(radio, on);
    }

    @Override
    public synchronized boolean isAllowed(Radio radio) {
        return policy.allows(Objects.requireNonNull(radio, "radio"));
    }
}
