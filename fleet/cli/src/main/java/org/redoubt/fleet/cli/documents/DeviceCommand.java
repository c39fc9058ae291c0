package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;
import org.redoubt.policy.Command;

/**
 * A command document ({@code redoubt.command}) for one device:
 * {@code body = {"command": "WIPE", "nonce": "<32 lower-case hex digits>"}}. The nonce is fresh
 * from the provider's strong random source, so that the handset can refuse a replay of a command
 * it has already carried out even within the command's validity.
 */
public final class DeviceCommand {

    private static final int NONCE_BYTES = 16;

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
    public byte[] create(Command.Action action, String device, long version, Instant issuedAt, Instant expires) {
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
}
