package org.redoubt.store.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.crypto.sealed.RecordSealer;
import org.redoubt.crypto.sealed.SealedStorage;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.StorageState;
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/**
 * The sealed database: every record is sealed with its kind's data key before it reaches the
 * {@link Database}, bound to its kind and id, and opened only in memory. Records that arrive while
 * the handset is locked are sealed to the kind's inbox and moved into place at the next unlock.
 * The PIN operations live here because each of them also writes the database (the failed-attempt
 * counter, the move out of the inboxes, the wipe). Thread-safe: one lock for everything. It clears
 * the plaintext arrays it is given once they are sealed.
 *
 * <p>A DS component whose service type is this bundle-private class: the four store services of
 * this bundle share it, nothing outside can see it. The database is
 * {@code <data>/stores/}{@value Database#FILE}.
 */
@Component(service = Vault.class)
public final class Vault implements AutoCloseable {

    private final SealedStorage sealed;
    private final Database database;

    /** The framework property naming the handset's data directory. */
    static final String DATA_DIRECTORY_PROPERTY = "redoubt.data.dir";

    /**
     * @param context names the data directory (framework property {@value #DATA_DIRECTORY_PROPERTY})
     * @param sealed  the key hierarchy
     * @throws StoreException {@code IO_FAILURE} when the database cannot be opened
     */
    @Activate
    public Vault(BundleContext context, @Reference SealedStorage sealed) throws StoreException {
        this(storeDirectory(context), sealed);
    }

    /**
     * @param directory where the database file lives
     * @param sealed    the key hierarchy
     * @throws StoreException {@code IO_FAILURE} when the database cannot be opened
     */
    Vault(Path directory, SealedStorage sealed) throws StoreException {
        this.sealed = Objects.requireNonNull(sealed, "sealed");
        this.database = new Database(directory);
    }

    /** Receives each record of a kind, opened; the bytes are cleared after the call. */
    @FunctionalInterface
    interface RecordVisitor {
        /**
         * @param id        the record's id
         * @param plaintext the record (cleared after the call)
         * @throws StoreException to stop
         */
        void visit(long id, byte[] plaintext) throws StoreException;
    }

    synchronized LockState state() {
        return switch (sealed.state()) {
            case UNINITIALIZED -> LockState.NO_PIN;
            case LOCKED -> LockState.LOCKED;
            case UNLOCKED -> LockState.UNLOCKED;
        };
    }

    synchronized void setPin(char[] pin, PinRules rules) throws StoreException {
        rules.check(pin);
        if (sealed.state() != StorageState.UNINITIALIZED) {
            throw new StoreException(Reason.PIN_ALREADY_SET, "a PIN is set; change it instead", null);
        }
        try {
            sealed.initialize(pin);
            for (RecordKind kind : RecordKind.values()) {
                sealed.sealer(kind.store()); // creates each kind's data key and inbox now
            }
        } catch (SealedStorageException e) {
            throw translate(e);
        }
    }

    synchronized void unlock(char[] pin, PinRules rules) throws StoreException {
        countAttempt();
        try {
            sealed.unlock(pin);
        } catch (SealedStorageException e) {
            throw wrongPin(e, rules);
        }
        database.failedAttempts(0);
        database.commit();
        moveInboxes();
    }

    synchronized void lock() {
        sealed.lock();
    }

    synchronized void changePin(char[] oldPin, char[] newPin, PinRules rules) throws StoreException {
        rules.check(newPin);
        countAttempt();
        try {
            sealed.changePin(oldPin, newPin);
        } catch (SealedStorageException e) {
            throw wrongPin(e, rules);
        }
        database.failedAttempts(0);
        database.pinChangeRequired(false);
        database.commit();
    }

    synchronized boolean pinChangeRequired() {
        return database.pinChangeRequired();
    }

    synchronized void requirePinChange() throws StoreException {
        if (sealed.state() == StorageState.UNINITIALIZED) {
            throw new StoreException(Reason.NO_PIN, "no PIN is set: there is none to change", null);
        }
        database.pinChangeRequired(true);
        database.commit();
    }

    synchronized int failedAttempts() {
        return database.failedAttempts();
    }

    synchronized void wipe() throws StoreException {
        StoreException failure = null;
        try {
            sealed.cryptoErase(); // keys first: from here on nothing in the file can be opened
        } catch (SealedStorageException e) {
            failure = translate(e);
        }
        try {
            database.deleteAndRecreate();
        } catch (StoreException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Stores a new record the user made; needs the PIN.
     *
     * @return its id, once it is durable
     */
    synchronized long add(RecordKind kind, byte[] plaintext) throws StoreException {
        return store(kind, plaintext, false);
    }

    /**
     * Stores a record that arrived from outside (a message, a call): sealed to the data key when
     * unlocked, to the kind's inbox when locked.
     *
     * @return its id, once it is durable
     */
    synchronized long deliver(RecordKind kind, byte[] plaintext) throws StoreException {
        if (!kind.arrivesLocked()) {
            throw new IllegalArgumentException(kind.store() + " records do not arrive from outside");
        }
        return store(kind, plaintext, true);
    }

    private long store(RecordKind kind, byte[] plaintext, boolean inboxWhenLocked) throws StoreException {
        StorageState now = sealed.state();
        if (now == StorageState.UNINITIALIZED) {
            Arrays.fill(plaintext, (byte) 0);
            throw new StoreException(Reason.NO_PIN, "no PIN is set: nothing can be stored", null);
        }
        if (now == StorageState.LOCKED && !inboxWhenLocked) {
            Arrays.fill(plaintext, (byte) 0);
            throw new StoreException(Reason.LOCKED, kind.store() + " needs the PIN", null);
        }
        long id = database.nextId();
        try (Cleared cleared = new Cleared(plaintext)) {
            if (now == StorageState.UNLOCKED) {
                database.put(kind.store(), id, sealer(kind).seal(aad(kind, id), plaintext));
            } else {
                database.put(kind.inbox(), id, sealed.inbox(kind.store()).seal(aad(kind, id), plaintext));
            }
        } catch (SealedStorageException e) {
            database.rollback();
            throw translate(e);
        } catch (StoreException | RuntimeException e) {
            database.rollback();
            throw e;
        }
        database.commit();
        return id;
    }

    /** Replaces existing records, all in one commit. */
    synchronized void replace(RecordKind kind, Map<Long, byte[]> plaintexts) throws StoreException {
        RecordSealer sealer = sealer(kind);
        try (Cleared cleared = new Cleared(plaintexts.values().toArray(byte[][]::new))) {
            for (Map.Entry<Long, byte[]> entry : plaintexts.entrySet()) {
                if (database.get(kind.store(), entry.getKey()) == null) {
                    throw new StoreException(Reason.NOT_FOUND, "no " + kind.store() + " record " + entry.getKey(), null);
                }
                database.put(kind.store(), entry.getKey(), sealer.seal(aad(kind, entry.getKey()), entry.getValue()));
            }
        } catch (SealedStorageException e) {
            database.rollback();
            throw translate(e);
        } catch (StoreException | RuntimeException e) {
            database.rollback();
            throw e;
        }
        database.commit();
    }

    synchronized void delete(RecordKind kind, long id) throws StoreException {
        sealer(kind); // deleting also needs the PIN
        if (!database.remove(kind.store(), id)) {
            throw new StoreException(Reason.NOT_FOUND, "no " + kind.store() + " record " + id, null);
        }
        database.commit();
    }

    /**
     * @return the record with that id, opened (the caller clears it), or null when there is none
     */
    synchronized byte[] open(RecordKind kind, long id) throws StoreException {
        RecordSealer sealer = sealer(kind);
        byte[] record = database.get(kind.store(), id);
        if (record == null) {
            return null;
        }
        try {
            return sealer.open(aad(kind, id), record);
        } catch (SealedStorageException e) {
            throw translate(e);
        }
    }

    /** Opens every record of a kind, in id order, and hands each to {@code visitor}. */
    synchronized void forEach(RecordKind kind, RecordVisitor visitor) throws StoreException {
        RecordSealer sealer = sealer(kind);
        for (Map.Entry<Long, byte[]> entry : database.all(kind.store()).entrySet()) {
            byte[] plaintext;
            try {
                plaintext = sealer.open(aad(kind, entry.getKey()), entry.getValue());
            } catch (SealedStorageException e) {
                throw translate(e);
            }
            try {
                visitor.visit(entry.getKey(), plaintext);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static Path storeDirectory(BundleContext context) {
        String data = context.getProperty(DATA_DIRECTORY_PROPERTY);
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("the framework property " + DATA_DIRECTORY_PROPERTY
                    + " is not set: the stores never fall back to another place");
        }
        return Path.of(data, "stores");
    }

    /** Writes what is committed and closes the database; locks. */
    @Override
    @Deactivate
    public synchronized void close() {
        sealed.lock();
        database.close();
    }

    /** Moves what arrived while locked into place: opened from the inbox, sealed to the data key, one commit. */
    private void moveInboxes() throws StoreException {
        for (RecordKind kind : RecordKind.values()) {
            if (!kind.arrivesLocked()) {
                continue;
            }
            NavigableMap<Long, byte[]> waiting = database.all(kind.inbox());
            if (waiting.isEmpty()) {
                continue;
            }
            RecordSealer sealer = sealer(kind);
            try {
                for (Map.Entry<Long, byte[]> entry : waiting.entrySet()) {
                    byte[] aad = aad(kind, entry.getKey());
                    byte[] plaintext = sealer.openInbox(aad, entry.getValue());
                    try {
                        database.put(kind.store(), entry.getKey(), sealer.seal(aad, plaintext));
                    } finally {
                        Arrays.fill(plaintext, (byte) 0);
                    }
                    database.remove(kind.inbox(), entry.getKey());
                }
            } catch (SealedStorageException e) {
                database.rollback();
                throw translate(e);
            }
            database.commit();
        }
    }

    /** Raises the failed-attempt counter on disk before a PIN is checked. */
    private void countAttempt() throws StoreException {
        if (sealed.state() == StorageState.UNINITIALIZED) {
            throw new StoreException(Reason.NO_PIN, "no PIN is set", null);
        }
        database.failedAttempts(database.failedAttempts() + 1);
        database.commit();
    }

    /**
     * A wrong PIN, counted already: the one that reaches the rules' wipe count crypto-erases the
     * handset here, under the same lock, so no other operation runs in between.
     */
    private StoreException wrongPin(SealedStorageException e, PinRules rules) {
        if (e.reason() != SealedStorageException.Reason.WRONG_PIN) {
            return translate(e);
        }
        int failed = database.failedAttempts();
        if (!rules.wipesAt(failed)) {
            return new StoreException(Reason.WRONG_PIN, "wrong PIN (" + failed + " failed attempts)", null);
        }
        try {
            wipe();
        } catch (StoreException failure) {
            return new StoreException(Reason.IO_FAILURE, failed + " wrong PINs: the handset must be wiped and the"
                    + " wipe failed (the next wrong PIN tries again)", failure);
        }
        return new StoreException(Reason.WIPED, failed + " wrong PINs: the handset was wiped", null);
    }

    private RecordSealer sealer(RecordKind kind) throws StoreException {
        try {
            return sealed.sealer(kind.store());
        } catch (SealedStorageException e) {
            throw translate(e);
        }
    }

    private static byte[] aad(RecordKind kind, long id) {
        return (kind.store() + ":" + id).getBytes(StandardCharsets.US_ASCII);
    }

    /** Clears plaintext arrays when the seal is done, whatever happened. */
    private record Cleared(byte[]... arrays) implements AutoCloseable {
        @Override
        public void close() {
            for (byte[] array : arrays) {
                Arrays.fill(array, (byte) 0);
            }
        }
    }

    /** @return the store's view of a sealed-storage failure, keeping it as the cause */
    static StoreException translate(SealedStorageException e) {
        Reason reason = switch (e.reason()) {
            case LOCKED -> Reason.LOCKED;
            case NOT_INITIALIZED -> Reason.NO_PIN;
            case ALREADY_INITIALIZED -> Reason.PIN_ALREADY_SET;
            case WRONG_PIN -> Reason.WRONG_PIN;
            case TAMPERED, MALFORMED -> Reason.TAMPERED;
            case INVALID_ARGUMENT -> Reason.INVALID_ARGUMENT;
            default -> Reason.IO_FAILURE;
        };
        return new StoreException(reason, e.getMessage(), e);
    }
}
