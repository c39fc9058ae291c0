package org.redoubt.driver.radios.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.redoubt.driver.radios.Radio;

/**
 * Which radios the handset's policy disables, read from the configuration's {@code disabled}
 * names. A name that is no radio is kept aside as a configuration error; every name that is a
 * radio still counts (fail closed: a typo elsewhere never lets a named radio on).
 *
 * @param disabled the radios that must stay off
 * @param unknown  the names that are no radio, as configured
 */
record RadioPolicy(Set<Radio> disabled, List<String> unknown) {

    /** Nothing disabled. */
    static final RadioPolicy NONE = new RadioPolicy(EnumSet.noneOf(Radio.class), List.of());

    RadioPolicy {
        disabled = Collections.unmodifiableSet(disabled.isEmpty() ? EnumSet.noneOf(Radio.class) : EnumSet.copyOf(disabled));
        unknown = List.copyOf(unknown);
    }

    /**
     * @param names radio names ({@link Radio} constants, case and surrounding blanks ignored), or null
     * @return the policy they say
     */
    static RadioPolicy of(String[] names) {
        if (names == null) {
            return NONE;
        }
        Set<Radio> disabled = EnumSet.noneOf(Radio.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Radio radio = radio(name);
            if (radio == null) {
                unknown.add(String.valueOf(name));
            } else {
                disabled.add(radio);
            }
        }
        return new RadioPolicy(disabled, unknown);
    }

    /** @return whether the radio may be switched on */
    boolean allows(Radio radio) {
        return !disabled.contains(radio);
    }

    private static Radio radio(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (Radio radio : Radio.values()) {
            if (radio.name().equals(wanted)) {
                return radio;
            }
        }
        return null;
    }
}
