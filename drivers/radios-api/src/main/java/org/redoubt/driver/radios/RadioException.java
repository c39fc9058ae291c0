package org.redoubt.driver.radios;

import java.util.Objects;

/**
 * A radio that could not be read or switched, or a Wi-Fi network that could not be joined.
 *
 * @since 1.0
 */
public final class RadioException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /**
         * The handset has no such radio, or its switch cannot be read; for Wi-Fi networks, the
         * handset cannot scan or join (no station backend).
         */
        UNAVAILABLE,
        /**
         * The switch could not be written, or the radio did not follow it; for Wi-Fi networks, the
         * network is not in range or could not be joined or left.
         */
        FAILED,
        /**
         * The radio may not be switched on: the handset's policy disables it (policy
         * {@code radios.*} = {@code DISABLED}). It stays off until a policy allows it again. Also
         * what joining a Wi-Fi network says while the policy disables Wi-Fi.
         *
         * @since 1.1
         */
        DISABLED_BY_POLICY,
        /**
         * The Wi-Fi network may not be joined: its SSID is not on the policy's non-empty
         * {@code wifi.ssidAllowlist}, or its security is below the policy's
         * {@code wifi.minSecurity}. Nothing was left or joined.
         *
         * @since 1.2
         */
        NOT_ALLOWED_BY_POLICY,
        /**
         * The radio the operation needs is switched off (joining a Wi-Fi network needs Wi-Fi on).
         *
         * @since 1.2
         */
        RADIO_OFF
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message what happened
     * @param cause   the underlying error, or {@code null}
     */
    public RadioException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the reason */
    public Reason reason() {
        return reason;
    }
}
