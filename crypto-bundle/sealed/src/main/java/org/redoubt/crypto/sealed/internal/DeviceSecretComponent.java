package org.redoubt.crypto.sealed.internal;


import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.SealedStorageException;

/**
 * Publishes the emulator's {@link FileDeviceSecret} over {@code <redoubt.data.dir>/secrets}.
 * A handset build replaces this bundle's component with one backed by its secure element.
 */
@Component(service = DeviceSecret.class)
public final class DeviceSecretComponent implements DeviceSecret {

    private final FileDeviceSecret secret;

    /**
     * @param context  reads the framework property {@code redoubt.data.dir}
     * @param provider HKDF and randomness
     * @throws IllegalStateException when the launcher did not set the data directory
     */
    @Activate
    public DeviceSecretComponent(BundleContext context, @Reference CryptoProvider provider) {
        this.secret = new FileDeviceSecret(DataDirectory.of(context).resolve("secrets"), provider);
    }

    @Override
    public byte[] deriveKey(HashAlgorithm hash, String purpose, int length) throws SealedStorageException {
        return secret.deriveKey(hash, purpose, length);
    }

    @Override
    public void destroy(String purpose) throws SealedStorageException {
        secret.destroy(purpose);
    }
}
