package org.redoubt.telephony;

import java.util.Objects;

/**
 * What the status bar shows about the network.
 *
 * @param registration the registration state
 * @param operator     the operator's name, empty when not registered or not known
 * @param rssi         the 27.007 +CSQ rssi 0..31, or -1 when not known
 * @param data         the packet-domain (mobile data) service, {@link PacketData#UNKNOWN} when not
 *                     known (since 1.1)
 * @since 1.0
 */
public record NetworkStatus(Registration registration, String operator, int rssi, PacketData data) {

    /** The status before anything is known. */
    public static final NetworkStatus UNKNOWN = new NetworkStatus(Registration.UNKNOWN, "", -1, PacketData.UNKNOWN);

    /**
     * Checks the values.
     *
     * @throws NullPointerException     when a value is missing
     * @throws IllegalArgumentException when rssi is out of range
     * @since 1.1
     */
    public NetworkStatus {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(data, "data");
        if (rssi < -1 || rssi > 31) {
            throw new IllegalArgumentException("rssi is 0..31 or -1");
        }
    }

    /**
     * A status without what is known about mobile data ({@link PacketData#UNKNOWN}).
     *
     * @param registration the registration state
     * @param operator     the operator's name, empty when not registered or not known
     * @param rssi         the 27.007 +CSQ rssi 0..31, or -1 when not known
     */
    public NetworkStatus(Registration registration, String operator, int rssi) {
        this(registration, operator, rssi, PacketData.UNKNOWN);
    }

    /**
     * @param next the packet-domain service now
     * @return this status with {@code next} as its {@link #data()}
     * @since 1.1
     */
    public NetworkStatus withData(PacketData next) {
        return new NetworkStatus(registration, operator, rssi, next);
    }

    /**
     * @return whether mobile data can flow ({@link PacketData#ATTACHED})
     * @since 1.1
     */
    public boolean dataAttached() {
        return data == PacketData.ATTACHED;
    }

    /** @return signal bars 0..4 (0 when unknown or no signal) */
    public int bars() {
        if (rssi <= 0) {
            return 0;
        }
        return rssi >= 20 ? 4 : rssi >= 15 ? 3 : rssi >= 10 ? 2 : 1;
    }

    /** @return whether calls and SMS can go out (home or roaming) */
    public boolean registered() {
        return registration == Registration.HOME || registration == Registration.ROAMING;
    }
}
