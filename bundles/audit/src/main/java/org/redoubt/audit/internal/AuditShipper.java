package org.redoubt.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.MalformedLineException;
import org.redoubt.channel.FleetChannel;

/**
 * Ships the log's exact lines to the device's audit topic, oldest first, in batches (a payload is
 * whole lines, each with its {@code \n}). What the broker confirmed is recorded in the file
 * {@code shipped} ({@code <sequence> <offset>}: the last confirmed entry and where the next line
 * starts), replaced atomically after each confirmation; a batch that is not confirmed (session
 * down, lost before the PUBACK, refused) is sent again, after a capped backoff while the session is
 * down. Nothing is lost across reconnections and restarts; a batch may arrive twice (the broker had
 * it but the PUBACK was lost), so the collector keeps one line per sequence number.
 *
 * <p>Everything runs on one thread of its own ({@code executor}); {@link #wake} may be called from
 * any thread.
 */
final class AuditShipper implements AutoCloseable {

    /** The confirmed position's file name in the audit directory. */
    static final String SHIPPED = "shipped";

    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final ChainFile file;
    private final Path state;
    private final FleetChannel channel;
    private final String topic;
    private final ScheduledExecutorService executor;
    private final int batchEntries;
    private final int batchBytes;
    private final Consumer<String> journal;
    private long shipped;
    private long offset;
    private boolean inFlight;
    private boolean retryPending;
    private int failures;
    private volatile boolean closed;

    /**
     * @param file         the log
     * @param directory    the audit directory (holds {@value #SHIPPED})
     * @param channel      the session with the fleet
     * @param executor     the shipper's own thread
     * @param batchEntries the most entries per publication
     * @param batchBytes   about the most bytes per publication
     * @param journal      one line per problem
     */
    AuditShipper(ChainFile file, Path directory, FleetChannel channel, ScheduledExecutorService executor,
            int batchEntries, int batchBytes, Consumer<String> journal) {
        this.file = Objects.requireNonNull(file, "file");
        this.state = directory.resolve(SHIPPED);
        this.channel = Objects.requireNonNull(channel, "channel");
        this.topic = "redoubt/v1/devices/" + channel.deviceId() + "/audit";
        this.executor = Objects.requireNonNull(executor, "executor");
        this.batchEntries = batchEntries;
        this.batchBytes = batchBytes;
        this.journal = Objects.requireNonNull(journal, "journal");
        executor.execute(this::load);
    }

    /** @return the topic it ships to */
    String topic() {
        return topic;
    }

    /** Ships what is new, now or when the session is back. Any thread. */
    void wake() {
        run(this::ship);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void load() {
        try {
            String[] parts = new String(Files.readAllBytes(state), StandardCharsets.US_ASCII).trim().split(" ");
            long sequence = Long.parseLong(parts[0]);
            long at = Long.parseLong(parts[1]);
            if (sequence >= 0 && at >= 0 && at <= file.end() && startsWith(at, sequence + 1)) {
                shipped = sequence;
                offset = at;
                ship();
                return;
            }
            journal.accept("audit shipping state " + sequence + "@" + at + " does not fit the log; shipping it again from the start");
        } catch (NoSuchFileException e) {
            // Nothing shipped yet.
        } catch (IOException | RuntimeException e) {
            journal.accept("audit shipping state unreadable (" + e.getMessage() + "); shipping the log again from the start");
        }
        shipped = 0;
        offset = 0;
        ship();
    }

    /** Whether the line at {@code at} is entry {@code sequence} (or the log ends there). */
    private boolean startsWith(long at, long sequence) throws IOException {
        List<byte[]> lines = file.linesFrom(at, 1, Integer.MAX_VALUE);
        return lines.isEmpty() ? at == file.end() : sequenceOf(lines.get(0)) == sequence;
    }

    private void ship() {
        if (closed || inFlight) {
            return;
        }
        List<byte[]> lines;
        try {
            lines = file.linesFrom(offset, batchEntries, batchBytes);
        } catch (IOException e) {
            journal.accept("audit shipping cannot read the log: " + e.getMessage());
            retry();
            return;
        }
        if (lines.isEmpty()) {
            return;
        }
        if (!channel.isConnected()) {
            retry();
            return;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        lines.forEach(batch::writeBytes);
        long last;
        try {
            last = sequenceOf(lines.get(lines.size() - 1));
        } catch (IOException e) {
            journal.accept("audit shipping stopped: " + e.getMessage());
            return;
        }
        long next = offset + batch.size();
        inFlight = true;
        channel.publishConfirmed(topic, batch.toByteArray(), false).whenComplete((done, failure) -> run(() -> {
            inFlight = false;
            if (failure == null) {
                confirmed(last, next);
            } else {
                journal.accept("audit entries " + (shipped + 1) + ".." + last + " not confirmed, sent again: " + failure.getMessage());
                retry();
            }
        }));
    }

    private void confirmed(long sequence, long next) {
        try {
            Durability.replace(state, (sequence + " " + next + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The entries go again after a restart; the collector drops what it has.
            journal.accept("audit shipping state not written: " + e.getMessage());
        }
        shipped = sequence;
        offset = next;
        failures = 0;
        ship();
    }

    private void retry() {
        if (closed || retryPending) {
            return;
        }
        long wait = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures++, 10));
        retryPending = true;
        try {
            executor.schedule(() -> {
                retryPending = false;
                ship();
            }, wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retryPending = false;
        }
    }

    private void run(Runnable work) {
        if (closed) {
            return;
        }
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // Closed: what is not confirmed goes after the next start.
        }
    }

    private static long sequenceOf(byte[] lineWithEnd) throws IOException {
        try {
            return AuditLine.parse(Arrays.copyOf(lineWithEnd, lineWithEnd.length - 1)).sequence();
        } catch (MalformedLineException e) {
            throw new IOException("the log holds an unreadable entry: " + e.getMessage(), e);
        }
    }
}
