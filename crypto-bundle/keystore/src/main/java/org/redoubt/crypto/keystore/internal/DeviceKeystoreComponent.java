package org.redoubt.crypto.keystore.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.X509KeyManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.crypto.sealed.DeviceSecret;

/**
 * Publishes the identity key of {@code <redoubt.data.dir>/keys} for the device
 * {@code redoubt.device.id} (framework properties the launcher sets, the id from
 * {@code device.json}). Immediate, so the first boot generates the key and writes
 * {@code keys/device.csr} right away. A key file that cannot be used fails activation with one
 * logged line naming the reason: readiness names the component and no keystore service exists.
 *
 * <p>All references are static and mandatory. A new {@link ActiveSuite} reactivates the component,
 * which loads the same key again: the active suite only chooses the suite of a key generated now.
 */
@Component(service = DeviceKeystore.class, immediate = true)
public final class DeviceKeystoreComponent implements DeviceKeystore {

    /** Framework property: the data directory; the keys live in its {@code keys} directory. */
    static final String DATA_DIR_PROPERTY = "redoubt.data.dir";
    /** Framework property: the device id, the subject of the certificate request. */
    static final String DEVICE_ID_PROPERTY = "redoubt.device.id";

    private final SealedIdentityKey key;

    /**
     * @param context      reads the data directory and device id
     * @param provider     the primitives
     * @param deviceSecret seals the key
     * @param suite        the suite of a key generated now
     * @param logger       one line per event, never key material
     * @throws KeystoreException when the key cannot be loaded or created
     */
    @Activate
    public DeviceKeystoreComponent(BundleContext context, @Reference(name = "provider") CryptoProvider provider,
            @Reference(name = "deviceSecret") DeviceSecret deviceSecret, @Reference(name = "activeSuite") ActiveSuite suite,
            @Reference(name = "logger", service = LoggerFactory.class) Logger logger) throws KeystoreException {
        try {
            this.key = open(context::getProperty, provider, deviceSecret, suite.suite(), logger::info);
        } catch (KeystoreException e) {
            logger.error("device keystore not available ({}): {}", e.reason(), e.getMessage());
            throw e;
        }
    }

    /**
     * For tests: the framework properties as a function.
     *
     * @param frameworkProperties the framework property of a name, or {@code null}
     * @param provider            the primitives
     * @param deviceSecret        seals the key
     * @param activeSuite         the suite of a key generated now
     * @param journal             one line per event
     * @throws KeystoreException when the key cannot be loaded or created
     */
    DeviceKeystoreComponent(Function<String, String> frameworkProperties, CryptoProvider provider,
            DeviceSecret deviceSecret, Suite activeSuite, Consumer<String> journal) throws KeystoreException {
        this.key = open(frameworkProperties, provider, deviceSecret, activeSuite, journal);
    }

    private static SealedIdentityKey open(Function<String, String> frameworkProperties, CryptoProvider provider,
            DeviceSecret deviceSecret, Suite activeSuite, Consumer<String> journal) throws KeystoreException {
        String data = frameworkProperties.apply(DATA_DIR_PROPERTY);
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("the framework property " + DATA_DIR_PROPERTY
                    + " is not set; the keystore has no place for the identity key");
        }
        String deviceId = frameworkProperties.apply(DEVICE_ID_PROPERTY);
        if (deviceId == null) {
            throw new KeystoreException(Reason.INVALID_DEVICE_ID, "the framework property " + DEVICE_ID_PROPERTY
                    + " is not set (the launcher sets it from device.json)", null);
        }
        try {
            return SealedIdentityKey.loadOrCreate(Path.of(data, "keys"), deviceId, provider, deviceSecret, activeSuite,
                    journal);
        } catch (KeystoreException e) {
            if (e.reason() != Reason.INVALID_DEVICE_ID) {
                throw e;
            }
            throw new KeystoreException(Reason.INVALID_DEVICE_ID, "the framework property " + DEVICE_ID_PROPERTY
                    + " is not a valid device id: " + e.getMessage(), e);
        }
    }

    /** Destroys the private key in memory. */
    @Deactivate
    void deactivate() {
        key.close();
    }

    @Override
    public String deviceId() {
        return key.deviceId();
    }

    @Override
    public Suite suite() {
        return key.suite();
    }

    @Override
    public VerificationKey identityKey() {
        return key.identityKey();
    }

    @Override
    public byte[] sign(byte[] message) {
        return key.sign(message);
    }

    @Override
    public X509KeyManager tlsKeyManager(List<X509Certificate> chain) throws KeystoreException {
        return key.tlsKeyManager(chain);
    }

    @Override
    public String tlsCertificateRequest() {
        return key.tlsCertificateRequest();
    }

    @Override
    public String certificateRequest() {
        return key.certificateRequest();
    }
}
