package org.redoubt.crypto.documents;

import java.util.Objects;

/**
 * What the caller is prepared to accept on one channel.
 *
 * @param role         the role whose threshold must sign
 * @param payloadType  the DSSE payload type, e.g. {@code application/vnd.redoubt.policy+json}
 * @param documentType the document's {@code type}, e.g. {@code redoubt.policy}
 * @param device       this handset
 * @param maxBytes     the size cap of the whole envelope, at least 1
 * @since 1.0
 */
public record Expectation(Role role, String payloadType, String documentType, DeviceIdentity device, int maxBytes) {

    /** @throws IllegalArgumentException when the cap is below 1 */
    public Expectation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(device, "device");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
    }
}
