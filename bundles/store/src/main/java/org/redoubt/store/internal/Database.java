package org.redoubt.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/**
 * The handset's one database file, an H2 MVStore: a log-structured store that appends each commit
 * as a new chunk and, when opened after a crash, goes back to the last complete commit. Maps hold
 * record ids to sealed bytes, one map per record kind and one per inbox; {@code meta} holds the
 * next id, the failed-attempt counter and whether a PIN change is required, which are not secret. Nothing in the file is readable
 * without the keys: the maps' names and the ids are the only structure it shows.
 *
 * <p>{@link #commit()} makes every change since the last one durable: it writes the chunk and then
 * forces it to the device, so a write is acknowledged only once a power cut cannot take it back.
 * Not thread-safe: {@link Vault} serializes access.
 */
final class Database implements AutoCloseable {

    /** The file's name in the store directory. */
    static final String FILE = "handset.mv.db";
    private static final String META = "meta";
    private static final String NEXT_ID = "next-id";
    private static final String FAILED_ATTEMPTS = "failed-attempts";
    private static final String PIN_CHANGE_REQUIRED = "pin-change-required";

    private final Path file;
    private MVStore store;

    /**
     * Opens or creates the database.
     *
     * @param directory the store directory (created)
     * @throws StoreException {@code IO_FAILURE} when it cannot be opened
     */
    Database(Path directory) throws StoreException {
        this.file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(Reason.IO_FAILURE, "cannot create the store directory " + directory, e);
        }
        this.store = open(file);
    }

    private static MVStore open(Path file) throws StoreException {
        try {
            return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        } catch (MVStoreException e) {
            throw new StoreException(Reason.IO_FAILURE, "cannot open the database " + file, e);
        }
    }

    /** @return a new record id (durable with the next commit) */
    long nextId() {
        MVMap<String, Long> meta = store.openMap(META);
        long id = meta.getOrDefault(NEXT_ID, 1L);
        meta.put(NEXT_ID, id + 1);
        return id;
    }

    /** @return failed PIN entries since the last right one */
    int failedAttempts() {
        return store.<String, Long>openMap(META).getOrDefault(FAILED_ATTEMPTS, 0L).intValue();
    }

    /** @param attempts the new count (durable with the next commit) */
    void failedAttempts(int attempts) {
        store.<String, Long>openMap(META).put(FAILED_ATTEMPTS, (long) attempts);
    }

    /** @return whether a PIN change was required (and not yet made) */
    boolean pinChangeRequired() {
        return store.<String, Long>openMap(META).getOrDefault(PIN_CHANGE_REQUIRED, 0L) != 0L;
    }

    /** @param required whether a PIN change is required (durable with the next commit) */
    void pinChangeRequired(boolean required) {
        store.<String, Long>openMap(META).put(PIN_CHANGE_REQUIRED, required ? 1L : 0L);
    }

    /**
     * @param map a map's name
     * @param id  a record id
     * @return its sealed bytes, or null
     */
    byte[] get(String map, long id) {
        return records(map).get(id);
    }

    /**
     * @param map    a map's name
     * @param id     a record id
     * @param sealed its sealed bytes
     */
    void put(String map, long id, byte[] sealed) {
        records(map).put(id, sealed);
    }

    /**
     * @param map a map's name
     * @param id  a record id
     * @return whether there was such a record
     */
    boolean remove(String map, long id) {
        return records(map).remove(id) != null;
    }

    /**
     * @param map a map's name
     * @return a snapshot of its records by id, in id order
     */
    NavigableMap<Long, byte[]> all(String map) {
        return new TreeMap<>(records(map));
    }

    /**
     * Makes every change since the last commit durable.
     *
     * @throws StoreException {@code IO_FAILURE}; the changes are then rolled back
     */
    void commit() throws StoreException {
        try {
            store.commit();
            store.sync();
        } catch (MVStoreException e) {
            store.rollback();
            throw new StoreException(Reason.IO_FAILURE, "cannot write the database " + file, e);
        }
    }

    /** Drops every change since the last commit. */
    void rollback() {
        store.rollback();
    }

    /**
     * Deletes the file and starts an empty database in its place. The records were sealed; this
     * runs after their keys were destroyed.
     *
     * @throws StoreException {@code IO_FAILURE}
     */
    void deleteAndRecreate() throws StoreException {
        store.closeImmediately();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException(Reason.IO_FAILURE, "cannot delete the database " + file, e);
        } finally {
            store = open(file);
        }
    }

    private MVMap<Long, byte[]> records(String map) {
        return store.openMap(map);
    }

    /** Writes what is committed and closes the file. */
    @Override
    public void close() {
        store.close();
    }
}
