package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.redoubt.audit.AuditLog;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;

/**
 * The handset's real audit log for the policy benchmark's handsets, opened as the audit bundle
 * opens it (a durable append before each ack, checkpoints every 64 entries or 10 s), so that the
 * measured path is the product's. The audit bundle's classes are package-private: this harness
 * lives in its package on the benchmark's class path.
 */
public final class BenchAuditLogs implements AutoCloseable {

    private final CryptoProvider provider;
    private final SigningKey deviceKey;
    private final Consumer<String> journal;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-audit-checkpoints");
        thread.setDaemon(true);
        return thread;
    });
    private final List<AuditJournal> open = new ArrayList<>();

    /**
     * @param provider  hashes the chain
     * @param deviceKey signs the checkpoints of every handset (one key: the benchmark's handsets
     *                  are not told apart by their logs)
     * @param journal   told of problems
     */
    public BenchAuditLogs(CryptoProvider provider, SigningKey deviceKey, Consumer<String> journal) {
        this.provider = provider;
        this.deviceKey = deviceKey;
        this.journal = journal;
    }

    /**
     * @param directory the handset's audit directory
     * @param deviceId  the handset
     * @return its audit log, NIST suite (SHA-256 chain)
     */
    public synchronized AuditLog open(Path directory, String deviceId) throws IOException {
        Files.createDirectories(directory);
        CheckpointSigner signer = new CheckpointSigner(deviceId, deviceKey.verificationKey().scheme().id(),
                deviceKey::sign);
        AuditJournal log = new AuditJournal(directory, ChainFile.open(directory.resolve(AuditJournal.LOG), provider),
                Clock.systemUTC(), Suite.NIST::hash, signer, 64, Duration.ofSeconds(10), timer, () -> { }, journal);
        open.add(log);
        return log;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            for (AuditJournal log : open) {
                log.close();
            }
        } finally {
            timer.shutdownNow();
        }
    }
}
