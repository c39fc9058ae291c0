package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.Checkpoints;
import org.redoubt.audit.chain.LineHash;
import org.redoubt.audit.chain.MalformedLineException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;

/**
 * The log file: lines appended at its end, each durable before its append returns. Opening it cuts
 * off a torn last line (written, never acknowledged: the process died before its {@code \n} was
 * forced) and continues the chain after the last whole line. Sequence numbers and links are
 * assigned and each line written under one lock, in order; the wait for the disk happens outside it
 * ({@link GroupCommit}). A write that fails is cut back, so the file never holds half a line
 * before a whole one. Thread-safe.
 */
final class ChainFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final CryptoProvider provider;
    private final GroupCommit commit;
    private final Object lock = new Object();
    private long end;
    private long sequence;
    private byte[] lastLine;
    private long unsigned;
    private boolean broken;

    private ChainFile(Path path, FileChannel channel, CryptoProvider provider, long end, long sequence, byte[] lastLine,
            boolean lastIsCheckpoint) {
        this.path = path;
        this.channel = channel;
        this.provider = provider;
        this.commit = new GroupCommit(channel, end);
        this.end = end;
        this.sequence = sequence;
        this.lastLine = lastLine;
        this.unsigned = lastIsCheckpoint || sequence == 0 ? 0 : 1;
    }

    /**
     * @param path     the log file (created with its directory when missing)
     * @param provider hashes
     * @return the log, ready to append after its last whole line
     * @throws IOException when the file cannot be opened or its last whole line is not an entry
     */
    static ChainFile open(Path path, CryptoProvider provider) throws IOException {
        Files.createDirectories(path.getParent());
        boolean created = !Files.exists(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (created) {
                channel.force(true);
                Durability.forceDirectory(path.getParent());
            }
            long size = channel.size();
            long end = LogLines.completeEnd(channel, size);
            if (end < size) {
                channel.truncate(end);
                channel.force(true);
            }
            if (end == 0) {
                return new ChainFile(path, channel, provider, 0, 0, null, false);
            }
            byte[] last = LogLines.last(channel, end, 1).get(0);
            AuditLine line;
            try {
                line = AuditLine.parse(last);
            } catch (MalformedLineException e) {
                throw new IOException("the last entry of " + path + " is not an entry (" + e.getMessage()
                        + "); the log is not continued", e);
            }
            return new ChainFile(path, channel, provider, end, line.sequence(), last, line.isCheckpoint());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * @return the entry as written, once it is on disk
     * @throws IOException              when it could not be written or forced
     * @throws IllegalArgumentException when the parts are not an entry
     */
    AuditLine append(Instant time, String kind, String reason, Map<String, String> details, HashAlgorithm alg)
            throws IOException {
        return appendLine(alg, prev -> AuditLine.of(sequence + 1, time, kind, reason, details, alg, prev), false);
    }

    /**
     * Appends a checkpoint over everything before it.
     *
     * @param signer the device key's signature over a statement
     * @return the checkpoint as written, once it is on disk
     */
    AuditLine appendCheckpoint(Instant time, HashAlgorithm alg, String deviceId, String scheme,
            UnaryOperator<byte[]> signer) throws IOException {
        return appendLine(alg, prev -> Checkpoints.sign(AuditLine.of(sequence + 1, time, AuditLine.CHECKPOINT, "",
                Map.of("device", deviceId, "scheme", scheme, AuditLine.SIGNATURE, ""), alg, prev), signer), true);
    }

    private AuditLine appendLine(HashAlgorithm alg, java.util.function.Function<String, AuditLine> build,
            boolean checkpoint) throws IOException {
        AuditLine line;
        long lineEnd;
        synchronized (lock) {
            if (broken) {
                throw new IOException(path + " could not be cut back after a failed write; no more entries");
            }
            String prev = lastLine == null ? AuditLine.GENESIS : LineHash.of(provider, alg, lastLine);
            line = build.apply(prev);
            byte[] bytes = line.bytes();
            ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) '\n').flip();
            long start = end;
            try {
                while (buffer.hasRemaining()) {
                    start += channel.write(buffer, start);
                }
            } catch (IOException e) {
                cutBack(e);
                throw e;
            }
            end = start;
            lineEnd = end;
            sequence = line.sequence();
            lastLine = bytes;
            unsigned = checkpoint ? 0 : unsigned + 1;
            commit.written(end);
        }
        commit.await(lineEnd);
        return line;
    }

    private void cutBack(IOException failure) {
        try {
            channel.truncate(end);
            commit.cut(end);
        } catch (IOException e) {
            failure.addSuppressed(e);
            broken = true;
        }
    }

    /** @return how many entries follow the last checkpoint */
    long unsigned() {
        synchronized (lock) {
            return unsigned;
        }
    }

    /** @return the sequence number of the last entry, 0 when empty */
    long sequence() {
        synchronized (lock) {
            return sequence;
        }
    }

    /** @return where the whole lines end */
    long end() {
        synchronized (lock) {
            return end;
        }
    }

    /**
     * @param max how many
     * @return the last entries, oldest first
     */
    List<AuditLine> tail(int max) throws IOException {
        long at = end();
        List<AuditLine> lines = new ArrayList<>();
        for (byte[] bytes : LogLines.last(channel, at, max)) {
            try {
                lines.add(AuditLine.parse(bytes));
            } catch (MalformedLineException e) {
                throw new IOException("an entry of " + path + " is not readable: " + e.getMessage(), e);
            }
        }
        return lines;
    }

    /**
     * @param offset   where a line starts
     * @param maxLines at most this many lines
     * @param maxBytes at most about this many bytes
     * @return whole lines from {@code offset}, each with its {@code \n}
     */
    List<byte[]> linesFrom(long offset, int maxLines, int maxBytes) throws IOException {
        return LogLines.from(channel, offset, end(), maxLines, maxBytes);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
