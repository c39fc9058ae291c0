package org.redoubt.fleet.cli.mqtt;

import java.util.Optional;
import java.util.OptionalLong;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * A handset's answer to a document, from {@code redoubt/v1/devices/<id>/ack}:
 * {@code {"document":"redoubt.policy","version":5,"envelope":"sha256:<hex>","result":"APPLIED",
 * "reason":"ROLLBACK","detail":"...","at":"..."}} ({@code version}, {@code reason} and
 * {@code detail} may be absent). Read leniently: members added later are ignored.
 *
 * @param document the document type
 * @param version  its version, when the handset could read it
 * @param envelope {@code sha256:} and the hex SHA-256 of the exact envelope bytes received
 * @param result   APPLIED, ALREADY_APPLIED, REJECTED or FAILED
 * @param reason   the reason code of a rejection
 * @param detail   what went wrong
 * @param at       when, as the handset says
 * @param json     the ack as received
 */
public record Ack(String document, OptionalLong version, String envelope, String result, Optional<String> reason,
        Optional<String> detail, String at, JsonObject json) {

    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxBytes(64 * 1024).withMaxDepth(4);

    /** @return whether the handset applied the document, now or before */
    public boolean applied() {
        return "APPLIED".equals(result) || "ALREADY_APPLIED".equals(result);
    }

    /**
     * @param payload an ack message
     * @return the ack, empty when it is not one
     */
    public static Optional<Ack> parse(byte[] payload) {
        try {
            JsonObject json = JsonParser.parseObject(payload, LIMITS);
            return Optional.of(new Ack(json.optionalString("document").orElse(""), json.optionalLong("version"),
                    json.requireString("envelope"), json.requireString("result"), json.optionalString("reason"),
                    json.optionalString("detail"), json.optionalString("at").orElse(""), json));
        } catch (JsonException notAnAck) {
            return Optional.empty();
        }
    }

    /** @return one line for people */
    public String describe() {
        return result + " " + document + (version.isPresent() ? " v" + version.getAsLong() : "")
                + reason.map(r -> " " + r).orElse("") + detail.map(d -> ": " + d).orElse("")
                + (at.isEmpty() ? "" : " at " + at);
    }
}
