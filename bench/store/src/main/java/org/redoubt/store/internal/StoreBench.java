package org.redoubt.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;
import org.redoubt.crypto.sealed.internal.FileDeviceSecret;
import org.redoubt.crypto.sealed.internal.KeyHierarchy;
import org.redoubt.store.Direction;
import org.redoubt.store.Message;
import org.redoubt.store.StoreException;

/**
 * Sealed against unsealed message records in the same MVStore database, with the same durable
 * commit per write. {@code sealed}: the store as the handset runs it ({@link MessageBox} over the
 * {@link Vault}: encode, AEAD seal bound to kind and id, put, commit and force). {@code plain}:
 * the same encoded bytes put into the same kind of {@link Database} and committed the same way,
 * without sealing. Reads open one random record of {@value #PREFILLED} by id. It lives in the
 * store's internal package to reach those classes; it is never part of a bundle.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreBench {

    static final int PREFILLED = 1000;
    private static final String NUMBER = "+4915550123";
    /** A full single SMS: 160 characters. */
    private static final String BODY = "Convoy leaves the north gate at 06:00; bring the spare radios, two days of water "
            + "and the signed manifest. Confirm by text before 22:00 tonight, please!";
    private static final PinKdfParameters CHEAP = new PinKdfParameters(8 * 1024, 1, 1);

    /** sealed or plain. */
    @Param({"sealed", "plain"})
    public String storage;

    /** The suite of the sealed records (plain ignores it). */
    @Param({"NIST", "SM"})
    public String suite;

    private Path directory;
    private Vault vault;
    private MessageBox messages;
    private Database plain;
    private long[] ids;

    @Setup(Level.Trial)
    public void open() throws IOException, StoreException {
        directory = Files.createTempDirectory("redoubt-store-bench");
        ids = new long[PREFILLED];
        if (storage.equals("sealed")) {
            BouncyCastleCryptoProvider provider = new BouncyCastleCryptoProvider();
            Suite chosen = Suite.valueOf(suite);
            vault = new Vault(directory.resolve("stores"), new KeyHierarchy(directory.resolve("keys"), provider,
                    new FileDeviceSecret(directory.resolve("secrets"), provider), () -> chosen, CHEAP));
            new PinLock(vault).setPin("2468".toCharArray());
            messages = new MessageBox(vault);
            for (int i = 0; i < PREFILLED; i++) {
                ids[i] = messages.deliver(NUMBER, BODY, Instant.now());
            }
        } else {
            plain = new Database(directory.resolve("stores"));
            for (int i = 0; i < PREFILLED; i++) {
                ids[i] = plainInsert();
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (vault != null) {
            vault.close();
        }
        if (plain != null) {
            plain.close();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public long insert() throws StoreException {
        if (messages != null) {
            return messages.deliver(NUMBER, BODY, Instant.now());
        }
        return plainInsert();
    }

    @Benchmark
    public Message read() throws StoreException {
        long id = ids[ThreadLocalRandom.current().nextInt(PREFILLED)];
        if (messages != null) {
            return messages.message(id).orElseThrow();
        }
        return RecordCodec.message(id, plain.get(RecordKind.MESSAGES.store(), id));
    }

    private long plainInsert() throws StoreException {
        long id = plain.nextId();
        plain.put(RecordKind.MESSAGES.store(), id, RecordCodec.message(NUMBER, Direction.INCOMING, BODY, Instant.now(), false));
        plain.commit();
        return id;
    }
}
