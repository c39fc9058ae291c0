package org.redoubt.crypto.keystore;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.X509KeyManager;

import org.osgi.annotation.versioning.ProviderType;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;

/**
 * The handset's identity key pair. It is generated on the first boot in the active suite (ECDSA
 * P-256 for NIST, SM2 with the explicit identifier {@code 1234567812345678} for SM), sealed at rest
 * under the device secret, and never leaves the keystore through this API: callers get its public
 * half, its signatures and a PKCS#10 request.
 *
 * <p>The service exists only while the key is usable: a key file that cannot be loaded fails the
 * keystore's activation with a {@link KeystoreException} (logged, and named by readiness), so
 * these methods have no failure of their own. They are thread-safe. After the service has been
 * withdrawn the private key is destroyed and {@link #sign} throws {@link IllegalStateException}.
 *
 * <p>The MQTT client authenticates with the same key through {@link #tlsKeyManager}: the key
 * manager hands the key to the JDK's TLS stack in memory and nowhere else.
 *
 * @since 1.0
 */
@ProviderType
public interface DeviceKeystore {

    /**
     * @return the device id: 1..64 of {@code A-Z a-z 0-9 . _ -}, the subject {@code CN} of the
     *         certificate request and so the MQTT client id
     */
    String deviceId();

    /**
     * @return the suite of the identity key; it keeps its suite when the active suite changes
     *         (replacing the key is a key rotation)
     */
    Suite suite();

    /** @return the public key, with its scheme and (for SM2) its distinguishing identifier */
    VerificationKey identityKey();

    /**
     * Signs with the identity key in the scheme of {@link #identityKey()}.
     *
     * @param message the bytes to sign
     * @return the signature in the scheme's encoding: DER for ECDSA and SM2 (SM2 with the key's
     *         distinguishing identifier); it verifies with
     *         {@code CryptoProvider.verify(identityKey(), message, signature)}
     * @throws NullPointerException  when {@code message} is null
     * @throws IllegalStateException after the service has been withdrawn
     */
    byte[] sign(byte[] message);

    /**
     * A PKCS#10 (RFC 2986) certificate request for the identity key, subject
     * {@code CN=<device id>}, no attributes, signed by the key itself (ecdsa-with-SHA256, or
     * SM2-with-SM3 with the identifier {@code 1234567812345678}). An operator CA issues the MQTT
     * client certificate from it. It is signed when the keystore starts; ECDSA and SM2 signatures
     * are randomized, so it may differ byte for byte from {@code keys/device.csr}, which was
     * written when that file was created: both are valid requests for the same key and subject.
     *
     * @return the request, PEM-encoded ({@code CERTIFICATE REQUEST}, 64-character lines, a final
     *         line break)
     */
    String certificateRequest();

    /**
     * A TLS key manager for the MQTT client's mutual TLS. It presents the identity key when that is
     * an ECDSA P-256 key (NIST suite): what every TLS 1.3 stack here (the JDK's and the broker's
     * OpenSSL) takes. A handset whose identity key is SM2 (made under the SM suite) keeps a separate
     * ECDSA P-256 transport key for TLS, sealed like the identity key, because neither stack
     * implements the SM cipher suites of RFC 8998; the identity key still signs everything else.
     *
     * <p>The private key lives in the returned manager as a JDK key object; no encoding of it is
     * kept. Each call makes a new manager; a manager of a withdrawn service keeps working until its
     * TLS sessions end.
     *
     * @param chain the device certificate first (issued from {@link #tlsCertificateRequest()}: its
     *              public key must be the TLS key), then any intermediate CA certificates
     * @return the key manager, with the single alias {@code device}
     * @throws KeystoreException {@code MALFORMED} for an empty chain or a certificate for another key
     * @since 1.1
     */
    X509KeyManager tlsKeyManager(List<X509Certificate> chain) throws KeystoreException;

    /**
     * The PKCS#10 request for the key {@link #tlsKeyManager} presents: {@link #certificateRequest()}
     * for a P-256 identity key, else the transport key's (also written to {@code keys/device-tls.csr}).
     * Subject {@code CN=<device id>}, ecdsa-with-SHA256. An operator CA issues the MQTT client
     * certificate from it.
     *
     * @return the request, PEM-encoded
     * @since 1.1
     */
    String tlsCertificateRequest();
}
