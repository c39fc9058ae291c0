package org.redoubt.fleet.cli.mqtt;

import java.util.Optional;
import java.util.OptionalLong;

import org.redoubt.fleet.cli.release.ReleaseState;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * A handset's progress report on a release, from {@code redoubt/v1/devices/<id>/ack}:
 * {@code {"document":"redoubt.release","version":7,"envelope":"sha256:<hex>","result":"DOWNLOADING",
 * "received":1048576,"total":2097152,"at":"..."}}; {@code reason} and {@code detail} come with
 * {@code ROLLED_BACK} and {@code REJECTED}, {@code received} and {@code total} only with
 * {@code DOWNLOADING}. Read leniently: members added later are ignored, an unknown state is kept
 * as written.
 *
 * @param version  the release number, when the handset could read it
 * @param envelope {@code sha256:} and the hex SHA-256 of the manifest envelope's exact bytes
 * @param result   the state as written
 * @param reason   the reason code of a failure
 * @param detail   what went wrong
 * @param received bytes received so far
 * @param total    bytes to receive
 * @param at       when, as the handset says
 * @param json     the ack as received
 */
public record ReleaseAck(OptionalLong version, String envelope, String result, Optional<String> reason,
        Optional<String> detail, OptionalLong received, OptionalLong total, String at, JsonObject json) {

    /** The document type of release acks. */
    public static final String DOCUMENT = "redoubt.release";

    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxBytes(64 * 1024).withMaxDepth(4);

    /**
     * @param payload a message from an ack topic
     * @return the release ack, empty when it is not one (another document's ack, or malformed)
     */
    public static Optional<ReleaseAck> parse(byte[] payload) {
        try {
            JsonObject json = JsonParser.parseObject(payload, LIMITS);
            if (!DOCUMENT.equals(json.optionalString("document").orElse(""))) {
                return Optional.empty();
            }
            return Optional.of(new ReleaseAck(json.optionalLong("version"), json.requireString("envelope"),
                    json.requireString("result"), json.optionalString("reason"), json.optionalString("detail"),
                    json.optionalLong("received"), json.optionalLong("total"), json.optionalString("at").orElse(""),
                    json));
        } catch (JsonException notAnAck) {
            return Optional.empty();
        }
    }

    /** @return the state, empty when this tool does not know it */
    public Optional<ReleaseState> state() {
        return ReleaseState.named(result);
    }

    /** @return the download's progress in whole percent (0..100), when the ack carries it */
    public OptionalLong percent() {
        if (received.isEmpty() || total.isEmpty() || total.getAsLong() <= 0) {
            return OptionalLong.empty();
        }
        long done = Math.max(0, Math.min(received.getAsLong(), total.getAsLong()));
        return OptionalLong.of(done * 100 / total.getAsLong());
    }

    /** @return the reason and detail of a failure, or empty */
    public String why() {
        return reason.orElse("") + (reason.isPresent() && detail.isPresent() ? ": " : "") + detail.orElse("");
    }

    /** @return one line for people */
    public String describe() {
        String why = why();
        return result + " release" + (version.isPresent() ? " " + version.getAsLong() : "")
                + (percent().isPresent() ? " " + ProgressBar.of(percent().getAsLong()) : "")
                + (why.isEmpty() ? "" : " " + why) + (at.isEmpty() ? "" : " at " + at);
    }
}
