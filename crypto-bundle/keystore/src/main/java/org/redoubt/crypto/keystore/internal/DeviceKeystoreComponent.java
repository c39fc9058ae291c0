package org.redoubt.crypto.keystore.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.sealed.DeviceSecret;

/**
 * Publishes the identity key of {@code <redoubt.data.dir>/keys} for device {@code redoubt.device.id}
 * (framework properties the launcher sets). Immediate, so the first boot generates the key and
 * writes {@code keys/device.csr} right away. A key file that cannot be used fails activation:
 * readiness names the component and no keystore service exists.
 */
@Component(service = DeviceKeystore.class, immediate = true)
public final class DeviceKeystoreComponent implements DeviceKeystore {

    private final SealedIdentityKey key;

    /**
     * @param context      reads the data directory and device id
     * @param provider     the primitives
     * @param deviceSecret seals the key
     * @param suite        the suite of a key generated now
     * @throws KeystoreException when the key cannot be loaded or created
     */
    @Activate
    public DeviceKeystoreComponent(BundleContext context, @Reference CryptoProvider provider,
            @Reference DeviceSecret deviceSecret, @Reference ActiveSuite suite) throws KeystoreException {
        String data = context.getProperty("redoubt.data.dir");
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("the framework property redoubt.data.dir is not set; the keystore has no place");
        }
        this.key = SealedIdentityKey.loadOrCreate(Path.of(data, "keys"), context.getProperty("redoubt.device.id"),
                provider, deviceSecret, suite.suite());
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
    public String certificateRequest() {
        return key.certificateRequest();
    }
}
