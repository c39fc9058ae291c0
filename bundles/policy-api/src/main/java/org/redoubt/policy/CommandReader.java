package org.redoubt.policy;

import java.util.Set;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonObject;

/**
 * Reads a verified command document's body, strictly: exactly {@code command} and {@code nonce}.
 * The handset and the operator's tool use this one reader.
 *
 * @since 1.0
 */
public final class CommandReader {

    private static final Set<String> MEMBERS = Set.of("command", "nonce");

    private CommandReader() {
    }

    /**
     * @param body the verified document's {@code body}
     * @return the command
     * @throws PolicyException {@code UNKNOWN_FIELD} for another member, {@code MALFORMED_DOCUMENT}
     *                         for an unknown command or a nonce that is not 32 lower-case hex digits
     */
    public static Command read(JsonObject body) throws PolicyException {
        try {
            body.requireOnly(MEMBERS);
            String command = body.requireString("command");
            String nonce = body.requireString("nonce");
            if (!Command.NONCE.matcher(nonce).matches()) {
                throw body.invalid("nonce", "a nonce is 32 lower-case hex digits");
            }
            for (Command.Action action : Command.Action.values()) {
                if (action.name().equals(command)) {
                    return new Command(action, nonce);
                }
            }
            throw body.invalid("command", "one of LOCK, WIPE, RESET_PIN, REBOOT");
        } catch (JsonException e) {
            throw PolicyReader.translate(e);
        }
    }
}
