package org.redoubt.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signed command's body: what the operator orders, and a nonce the handset remembers until the
 * command expires, so that a captured command cannot be carried out twice.
 *
 * @param action what to do
 * @param nonce  32 lower-case hex digits, fresh from a strong random source
 * @since 1.0
 */
public record Command(Action action, String nonce) {

    /** The document type of a command. */
    public static final String DOCUMENT_TYPE = "redoubt.command";
    /** The DSSE payload type of a command. */
    public static final String PAYLOAD_TYPE = "application/vnd.redoubt.command+json";

    static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");

    /** What an operator can order a handset to do. */
    public enum Action {
        /** Lock the handset now: the user's data is sealed until the PIN is entered. */
        LOCK,
        /** Crypto-erase the user's data (the policy stays in force). */
        WIPE,
        /** Make the user choose a new PIN at the next unlock. */
        RESET_PIN,
        /** Restart the runtime: its supervisor starts it again, and the release is verified again. */
        REBOOT
    }

    /** Checks the values. */
    public Command {
        Objects.requireNonNull(action, "action");
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("a nonce is 32 lower-case hex digits");
        }
    }
}
