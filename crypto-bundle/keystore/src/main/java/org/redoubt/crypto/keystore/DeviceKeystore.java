package org.redoubt.crypto.keystore;

import org.osgi.annotation.versioning.ProviderType;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;

/**
 * The handset's identity key pair. It is generated on the first boot in the active suite (ECDSA
 * P-256 for NIST, SM2 for SM), sealed at rest under the device secret, and never leaves the
 * keystore through this API: callers get its public half, its signatures and a PKCS#10 request.
 *
 * @since 1.0
 */
@ProviderType
public interface DeviceKeystore {

    /** @return the device id, the subject (CN) of the certificate request */
    String deviceId();

    /** @return the suite of the identity key (the key keeps its suite when the active suite changes) */
    Suite suite();

    /** @return the public key */
    VerificationKey identityKey();

    /**
     * @param message the bytes to sign
     * @return the signature in the scheme's encoding (DER for ECDSA and SM2)
     */
    byte[] sign(byte[] message);

    /**
     * @return a PKCS#10 certificate request for the identity key, subject {@code CN=<device id>},
     *         signed by the key itself, PEM-encoded; an operator CA issues the MQTT client
     *         certificate from it
     */
    String certificateRequest();
}
