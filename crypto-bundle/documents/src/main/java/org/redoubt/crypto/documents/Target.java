package org.redoubt.crypto.documents;

import java.util.Objects;
import java.util.Optional;

import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * The {@code target} of a document: any of device id, group and hardware model, at least one.
 * A document applies to a handset only when every part present equals the handset's.
 *
 * @param device the device id, if the document names one
 * @param group  the group, if named
 * @param model  the hardware model, if named
 * @since 1.0
 */
public record Target(Optional<String> device, Optional<String> group, Optional<String> model) {

    /** @throws IllegalArgumentException when no part is present */
    public Target {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(model, "model");
        if (device.isEmpty() && group.isEmpty() && model.isEmpty()) {
            throw new IllegalArgumentException("a target names at least one of device, group, model");
        }
    }

    /**
     * @param identity a handset
     * @return whether every part present equals the handset's
     */
    public boolean matches(DeviceIdentity identity) {
        return device.map(identity.deviceId()::equals).orElse(true)
                && group.map(identity.group()::equals).orElse(true)
                && model.map(identity.hardwareModel()::equals).orElse(true);
    }

    /**
     * @return an unambiguous text naming this target, the "target key" under which version floors
     *         are kept (compact JSON of the parts present, in the order device, group, model)
     */
    public String key() {
        JsonObject.Builder json = JsonObject.builder();
        device.ifPresent(value -> json.put("device", value));
        group.ifPresent(value -> json.put("group", value));
        model.ifPresent(value -> json.put("model", value));
        return JsonWriter.compact().write(json.build());
    }
}
