package org.redoubt.crypto.documents;

import java.util.Objects;

/**
 * Who this handset is, as documents target it.
 *
 * @param deviceId      the device id
 * @param group         the group it is enrolled in
 * @param hardwareModel its hardware model
 * @since 1.0
 */
public record DeviceIdentity(String deviceId, String group, String hardwareModel) {

    /** @throws NullPointerException when a part is null */
    public DeviceIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(hardwareModel, "hardwareModel");
    }
}
