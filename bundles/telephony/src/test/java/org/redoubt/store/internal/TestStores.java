package org.redoubt.store.internal;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.util.converter.Converters;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;
import org.redoubt.crypto.sealed.internal.FileDeviceSecret;
import org.redoubt.crypto.sealed.internal.KeyHierarchy;
import org.redoubt.store.CallLog;
import org.redoubt.store.ContactStore;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.MessageStore;
import org.redoubt.store.StoreException;

/**
 * The real encrypted stores over a data directory, for telephony's tests (in the framework they
 * are services; outside it this is the way in). A cheap PIN key derivation keeps tests fast. Test
 * code only.
 */
public final class TestStores implements AutoCloseable {

    private static final PinKdfParameters CHEAP = new PinKdfParameters(8 * 1024, 1, 1);
    private final Vault vault;

    /**
     * @param data the handset's data directory
     * @throws StoreException when the database cannot be opened
     */
    public TestStores(Path data) throws StoreException {
        BouncyCastleCryptoProvider provider = new BouncyCastleCryptoProvider();
        vault = new Vault(data.resolve("stores"), new KeyHierarchy(data.resolve("keys/storage"), provider,
                new FileDeviceSecret(data.resolve("secrets"), provider), () -> Suite.SM, CHEAP));
    }

    /** @return the messages */
    public MessageStore messages() {
        return new MessageBox(vault);
    }

    /** @return the contacts */
    public ContactStore contacts() {
        return new ContactBook(vault);
    }

    /** @return the call log */
    public CallLog callLog() {
        return new CallHistory(vault);
    }

    /** @return the PIN lock */
    public HandsetLock lock() {
        return new PinLock(vault);
    }

    /**
     * Gives a lock from {@link #lock()} new PIN rules, as a new configuration of PID
     * {@value PinLock#PID} would.
     *
     * @param lock  a lock from {@link #lock()}
     * @param rules {@code pinMinLength}, {@code pinQuality}, {@code maxFailedForWipe}
     */
    public static void pinRules(HandsetLock lock, Map<String, Object> rules) {
        ((PinLock) lock).modified(Converters.standardConverter().convert(rules).to(PinLock.Config.class));
    }

    @Override
    public void close() {
        vault.close();
    }
}
