package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * A command document ({@code redoubt.command}) for one device:
 * {@code body = {"command": "WIPE", "nonce": "<32 lower-case hex digits>"}}. The nonce is fresh
 * from the provider's strong random source, so that the handset can refuse a replay of a command
 * it has already carried out even within the command's validity.
 */
public final class DeviceCommand {

    /** What an operator can order a handset to do. */
    public enum Action {
        /** Lock the screen now. */
        LOCK,
        /** Crypto-erase the stores and reset. */
        WIPE,
        /** Make the user choose a new PIN. */
        RESET_PIN,
        /** Restart. */
        REBOOT
    }

    private static final int NONCE_BYTES = 16;
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
    private static final Set<String> BODY_MEMBERS = Set.of("command", "nonce");

    private final CryptoProvider provider;

    /** @param provider the random source of nonces */
    public DeviceCommand(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * @param action   the command
     * @param device   the device id
     * @param version  at least 1, above the device's last command's
     * @param issuedAt now
     * @param expires  after {@code issuedAt}
     * @return the unsigned document, compact UTF-8 JSON
     * @throws IllegalArgumentException for a version below 1 or an empty device id
     */
    public byte[] create(Action action, String device, long version, Instant issuedAt, Instant expires) {
        if (version < 1 || device.isEmpty()) {
            throw new IllegalArgumentException("a command needs version >= 1 and a device id");
        }
        String nonce = HexFormat.of().formatHex(provider.randomBytes(NONCE_BYTES));
        JsonObject document = JsonObject.builder()
                .put("type", DocumentKind.COMMAND.documentType())
                .put("version", version)
                .put("issuedAt", issuedAt.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("target", JsonObject.builder().put("device", device).build())
                .put("body", JsonObject.builder().put("command", action.name()).put("nonce", nonce).build())
                .build();
        return JsonWriter.compact().writeUtf8(document);
    }

    /**
     * Reads a command body as strictly as the handset should.
     *
     * @param body the document's body
     * @return the action
     * @throws JsonException {@code UNKNOWN_MEMBER} for another member, {@code INVALID_VALUE} for an
     *                       unknown command or a nonce that is not 32 lower-case hex digits
     */
    public static Action readBody(JsonObject body) throws JsonException {
        body.requireOnly(BODY_MEMBERS);
        String command = body.requireString("command");
        if (!NONCE.matcher(body.requireString("nonce")).matches()) {
            throw body.invalid("nonce", "a nonce is 32 lower-case hex digits");
        }
        for (Action action : Action.values()) {
            if (action.name().equals(command)) {
                return action;
            }
        }
        throw body.invalid("command", "one of LOCK, WIPE, RESET_PIN, REBOOT");
    }
}
