package org.redoubt.audit.internal;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Who signs checkpoints: the device key (in the framework, {@code DeviceKeystore}).
 *
 * @param deviceId the device id checkpoints name
 * @param scheme   the identity key's scheme id, e.g. {@code ecdsa-p256-sha256}
 * @param sign     its signature over a statement
 */
record CheckpointSigner(String deviceId, String scheme, UnaryOperator<byte[]> sign) {

    CheckpointSigner {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(sign, "sign");
    }
}
