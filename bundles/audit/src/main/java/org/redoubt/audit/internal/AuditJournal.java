package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditException;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditLog;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.crypto.api.HashAlgorithm;

/**
 * The audit log over its files in one directory: {@code log} (the chain) and {@code checkpoint}
 * (the latest checkpoint line, replaced atomically after the log holds it durably, so a log cut
 * short of it is detected). A checkpoint is appended after {@code every} unsigned entries, at the
 * latest {@code after} the first unsigned one, and at {@link #close}. Checkpoints are written on
 * the {@code timer} thread, not by the appender that reached the count: an appender waits for its
 * own entry's force only, never for a signature or the checkpoint file's forces (which otherwise
 * held every concurrent appender back: bench/README.md, audit benchmark). A checkpoint that fails
 * is reported to the journal and tried again with the next entry; the entries themselves are
 * durable already. Thread-safe.
 */
final class AuditJournal implements AuditLog, AutoCloseable {

    /** The log file's name in the directory. */
    static final String LOG = "log";
    /** The latest checkpoint's file name in the directory. */
    static final String CHECKPOINT = "checkpoint";

    private final ChainFile file;
    private final Path checkpointFile;
    private final Clock clock;
    private final Supplier<HashAlgorithm> hash;
    private final CheckpointSigner signer;
    private final int every;
    private final Duration after;
    private final ScheduledExecutorService timer;
    private final Runnable appended;
    private final Consumer<String> journal;
    private final Object checkpointLock = new Object();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param directory the audit directory
     * @param file      its log, open
     * @param clock     entry times
     * @param hash      the active suite's hash, read at each append
     * @param signer    the device key
     * @param every     a checkpoint after this many unsigned entries
     * @param after     a checkpoint at the latest this long after an unsigned entry
     * @param timer     runs the delayed checkpoints
     * @param appended  told after each durable entry (the shipper), any thread
     * @param journal   one line per problem
     */
    AuditJournal(Path directory, ChainFile file, Clock clock, Supplier<HashAlgorithm> hash, CheckpointSigner signer,
            int every, Duration after, ScheduledExecutorService timer, Runnable appended, Consumer<String> journal) {
        this.file = Objects.requireNonNull(file, "file");
        this.checkpointFile = directory.resolve(CHECKPOINT);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.signer = Objects.requireNonNull(signer, "signer");
        if (every < 1) {
            throw new IllegalArgumentException("a checkpoint after at least 1 entry, not " + every);
        }
        this.every = every;
        this.after = Objects.requireNonNull(after, "after");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.appended = Objects.requireNonNull(appended, "appended");
        this.journal = Objects.requireNonNull(journal, "journal");
        if (file.unsigned() > 0) {
            schedule();
        }
    }

    @Override
    public AuditEntry append(AuditEvent event) throws AuditException {
        Objects.requireNonNull(event, "event");
        if (event.kind() == AuditKind.CHECKPOINT) {
            throw new IllegalArgumentException("only the log itself writes checkpoints");
        }
        AuditLine line;
        try {
            line = file.append(clock.instant(), event.kind().name(), event.reason(), event.details(), hash.get());
        } catch (IOException e) {
            throw new AuditException("the audit log could not record " + event.kind() + " durably", e);
        }
        appended.run();
        if (file.unsigned() >= every) {
            queueCheckpoint();
        } else {
            schedule();
        }
        return new AuditEntry(line.sequence(), line.time(), event);
    }

    @Override
    public List<AuditEntry> tail(int max) throws AuditException {
        if (max < 1) {
            return List.of();
        }
        try {
            List<AuditEntry> entries = new ArrayList<>();
            for (AuditLine line : file.tail(max)) {
                entries.add(new AuditEntry(line.sequence(), line.time(),
                        new AuditEvent(AuditKind.valueOf(line.kind()), line.reason(), line.details())));
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            throw new AuditException("the audit log cannot be read", e);
        }
    }

    /** Signs the chain up to its last entry, unless a checkpoint is the last entry already. */
    void checkpoint() {
        synchronized (checkpointLock) {
            if (file.unsigned() == 0) {
                return;
            }
            try {
                AuditLine line = file.appendCheckpoint(clock.instant(), hash.get(), signer.deviceId(), signer.scheme(),
                        signer.sign());
                Durability.replace(checkpointFile, (line + "\n").getBytes(StandardCharsets.UTF_8));
                appended.run();
            } catch (IOException | RuntimeException e) {
                journal.accept("audit checkpoint failed, tried again with the next entry: " + e);
            }
        }
    }

    /** @return the log file */
    ChainFile file() {
        return file;
    }

    /** Appends a last checkpoint and closes the file. */
    @Override
    public void close() throws IOException {
        checkpoint();
        file.close();
    }

    /** A checkpoint as soon as the timer thread gets to it (once, however many appenders ask). */
    private void queueCheckpoint() {
        if (queued.compareAndSet(false, true)) {
            try {
                timer.execute(() -> {
                    queued.set(false);
                    checkpoint();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    /** A checkpoint at the latest {@code after} from now, unless one is due sooner already. */
    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    scheduled.set(false);
                    checkpoint();
                }, after.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }
}
