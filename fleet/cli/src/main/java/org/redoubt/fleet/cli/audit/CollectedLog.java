package org.redoubt.fleet.cli.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.MalformedLineException;
import org.redoubt.fleet.cli.FleetException;

/**
 * A device's log as collected from its audit topic: the device's exact lines, each sequence number
 * once and in order, appended to the file and forced before the broker is told they arrived. Lines
 * that come early (after a gap) wait, in memory, until the gap is filled; lines already in the file are
 * dropped (the handset sends a batch again when it did not get the broker's confirmation). The
 * latest checkpoint line is also kept in {@code <file>.checkpoint}, so a later cut of the file is
 * detected by {@code fleet audit verify}. Not thread-safe.
 */
public final class CollectedLog implements AutoCloseable {

    private static final int MAX_WAITING = 100_000;

    private final Path checkpointFile;
    private final FileChannel channel;
    private final SortedMap<Long, byte[]> waiting = new TreeMap<>();
    private long last;
    private long added;
    private long duplicates;

    private CollectedLog(Path file, FileChannel channel, long last) {
        this.checkpointFile = file.resolveSibling(file.getFileName() + ".checkpoint");
        this.channel = channel;
        this.last = last;
    }

    /**
     * @param file the collected log; created when missing, continued after its last whole line
     *             (a line cut by a crash of the collector is removed)
     * @return the log
     * @throws FleetException when the file cannot be opened or its last line is not an entry
     */
    public static CollectedLog open(Path file) throws FleetException {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                channel.truncate(end);
            }
            long last = 0;
            if (end > 0) {
                int start = end - 1;
                while (start > 0 && bytes[start - 1] != '\n') {
                    start--;
                }
                last = AuditLine.parse(Arrays.copyOfRange(bytes, start, end - 1)).sequence();
            }
            return new CollectedLog(file, channel, last);
        } catch (IOException e) {
            throw new FleetException("cannot open " + file + ": " + e.getMessage(), e);
        } catch (MalformedLineException e) {
            throw new FleetException(file + " does not end with an audit entry: " + e.getMessage(), e);
        }
    }

    /**
     * @param payload one publication of the device: whole lines, each with its {@code \n}
     * @return the highest sequence number the payload carries: it is stored for good once
     *         {@link #last()} reached it
     * @throws FleetException when a line is not an entry, or the file cannot be written
     */
    public long add(byte[] payload) throws FleetException {
        int start = 0;
        long highest = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                highest = Math.max(highest, offer(Arrays.copyOfRange(payload, start, i)));
                start = i + 1;
            }
        }
        if (start != payload.length) {
            throw new FleetException("a publication on the audit topic does not end with a whole line");
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new FleetException("cannot write the collected log: " + e.getMessage(), e);
        }
        return highest;
    }

    /** @return the line's sequence number */
    private long offer(byte[] line) throws FleetException {
        AuditLine entry;
        try {
            entry = AuditLine.parse(line);
        } catch (MalformedLineException e) {
            throw new FleetException("the audit topic carried a line that is not an entry: " + e.getMessage(), e);
        }
        if (entry.sequence() <= last || waiting.containsKey(entry.sequence())) {
            duplicates++;
            return entry.sequence();
        }
        if (waiting.size() >= MAX_WAITING) {
            throw new FleetException("more than " + MAX_WAITING + " entries wait for entry " + (last + 1));
        }
        waiting.put(entry.sequence(), line);
        while (!waiting.isEmpty() && waiting.firstKey() == last + 1) {
            byte[] next = waiting.remove(waiting.firstKey());
            write(next);
            last++;
            added++;
            if (AuditLine.CHECKPOINT.equals(kindOf(next))) {
                keepCheckpoint(next);
            }
        }
        return entry.sequence();
    }

    private void write(byte[] line) throws FleetException {
        ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        try {
            long at = channel.size();
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw new FleetException("cannot write the collected log: " + e.getMessage(), e);
        }
    }

    private void keepCheckpoint(byte[] line) throws FleetException {
        Path temporary = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".new");
        try {
            channel.force(false);
            byte[] bytes = Arrays.copyOf(line, line.length + 1);
            bytes[line.length] = '\n';
            Files.write(temporary, bytes);
            try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(temporary, checkpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FleetException("cannot write " + checkpointFile + ": " + e.getMessage(), e);
        }
    }

    private static String kindOf(byte[] line) {
        try {
            return AuditLine.parse(line).kind();
        } catch (MalformedLineException e) {
            return "";
        }
    }

    /** @return the sequence number of the file's last entry */
    public long last() {
        return last;
    }

    /** @return how many entries this run added */
    public long added() {
        return added;
    }

    /** @return how many lines this run dropped because the file had them */
    public long duplicates() {
        return duplicates;
    }

    /** @return the sequence numbers that arrived but wait for an earlier one */
    public SortedMap<Long, byte[]> waiting() {
        return new TreeMap<>(waiting);
    }

    /** @return the file of the latest checkpoint */
    public Path checkpointFile() {
        return checkpointFile;
    }

    @Override
    public void close() throws FleetException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new FleetException("cannot close the collected log: " + e.getMessage(), e);
        }
    }
}
