package org.redoubt.crypto.sealed.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.InboxSealer;
import org.redoubt.crypto.sealed.RecordSealer;
import org.redoubt.crypto.sealed.SealedStorage;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.StorageState;

/**
 * Publishes the {@link KeyHierarchy} over {@code <redoubt.data.dir>/keys/storage}. The suite of a
 * new keyring is the active one when the user first sets a PIN; an existing keyring keeps its own.
 * Deactivation (a bundle update, a changed configuration, a lost reference) locks the storage.
 */
@Component(service = SealedStorage.class, configurationPid = SealedStorageComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SealedStorageComponent.Config.class)
public final class SealedStorageComponent implements SealedStorage {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.crypto.sealed";

    /** The Argon2id cost of new keyrings and PIN changes. */
    @ObjectClassDefinition(id = PID, name = "Redoubt sealed storage",
            description = "Argon2id cost for deriving the key-encryption key from the PIN.")
    public @interface Config {
        /** @return memory per derivation in KiB */
        @AttributeDefinition(name = "Memory (KiB)", min = "8")
        int pinKdf_memoryKiB() default 32768;

        /** @return passes over the memory */
        @AttributeDefinition(name = "Iterations", min = "1")
        int pinKdf_iterations() default 16;

        /** @return lanes */
        @AttributeDefinition(name = "Parallelism", min = "1")
        int pinKdf_parallelism() default 1;
    }

    private final KeyHierarchy hierarchy;

    /**
     * @param config       the Argon2id cost
     * @param context      reads {@code redoubt.data.dir}
     * @param provider     the primitives
     * @param deviceSecret the device secret
     * @param suite        the active suite, for a new keyring
     */
    @Activate
    public SealedStorageComponent(Config config, BundleContext context, @Reference CryptoProvider provider,
            @Reference DeviceSecret deviceSecret, @Reference ActiveSuite suite) {
        this.hierarchy = new KeyHierarchy(DataDirectory.of(context).resolve("keys").resolve("storage"), provider,
                deviceSecret, suite::suite, new PinKdfParameters(config.pinKdf_memoryKiB(), config.pinKdf_iterations(),
                        config.pinKdf_parallelism()));
    }

    /** Clears every key from memory. */
    @Deactivate
    void deactivate() {
        hierarchy.lock();
    }

    @Override
    public StorageState state() {
        return hierarchy.state();
    }

    @Override
    public void initialize(char[] pin) throws SealedStorageException {
        hierarchy.initialize(pin);
    }

    @Override
    public void unlock(char[] pin) throws SealedStorageException {
        hierarchy.unlock(pin);
    }

    @Override
    public void lock() {
        hierarchy.lock();
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws SealedStorageException {
        hierarchy.changePin(oldPin, newPin);
    }

    @Override
    public RecordSealer sealer(String store) throws SealedStorageException {
        return hierarchy.sealer(store);
    }

    @Override
    public InboxSealer inbox(String store) throws SealedStorageException {
        return hierarchy.inbox(store);
    }

    @Override
    public void cryptoErase() throws SealedStorageException {
        hierarchy.cryptoErase();
    }
}
