package org.redoubt.fleet.cli.mqtt;

import java.util.Optional;
import java.util.OptionalLong;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * One handset's retained status, from {@code redoubt/v1/devices/<id>/status}:
 * {@code {"state":"ONLINE","device":"id","policy":{"version":5,"target":"...","expires":"...",
 * "state":"CURRENT"},"compliant":true,"release":7,"at":"..."}} ({@code release}, the running release,
 * only from handsets with a release agent), or the last will {@code {"state":"OFFLINE",
 * "device":"id"}}. Read leniently (members added later are ignored); the device id is taken
 * from the topic, which the broker lets only that handset write.
 *
 * @param device        the device id
 * @param state         ONLINE, OFFLINE, or MALFORMED for a payload that is not a status
 * @param policyVersion the applied policy's version
 * @param policyState   CURRENT, STALE or NONE
 * @param compliant     whether the handset says it enforces its policy
 * @param at            when it reported
 * @param release       the release the handset runs, when it says
 */
public record DeviceStatus(String device, String state, OptionalLong policyVersion, Optional<String> policyState,
        Optional<Boolean> compliant, Optional<String> at, OptionalLong release) {

    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxBytes(64 * 1024).withMaxDepth(4);

    /**
     * @param device  the device id from the topic
     * @param payload the message
     * @return the status
     */
    public static DeviceStatus parse(String device, byte[] payload) {
        try {
            JsonObject json = JsonParser.parseObject(payload, LIMITS);
            Optional<JsonObject> policy = json.optionalObject("policy");
            return new DeviceStatus(device, json.requireString("state"),
                    policy.isPresent() ? policy.get().optionalLong("version") : OptionalLong.empty(),
                    policy.isPresent() ? policy.get().optionalString("state") : Optional.empty(),
                    json.optionalBoolean("compliant"), json.optionalString("at"), runningRelease(json));
        } catch (JsonException malformed) {
            return new DeviceStatus(device, "MALFORMED", OptionalLong.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), OptionalLong.empty());
        }
    }

    /** A handset without a release agent says nothing; a {@code release} that is not a number is left out. */
    private static OptionalLong runningRelease(JsonObject json) {
        try {
            return json.optionalLong("release");
        } catch (JsonException notANumber) {
            return OptionalLong.empty();
        }
    }
}
