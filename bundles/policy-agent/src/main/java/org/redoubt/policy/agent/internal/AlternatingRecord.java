package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A small record that must survive a power cut, kept in two slot files ({@code <name>.a},
 * {@code <name>.b}) written in turn. Each write overwrites the older slot in place and forces only
 * its data ({@code fdatasync}): no new file, no rename and no directory entry change, so the file
 * system's journal is not involved and a write costs one data flush (a quarter of a
 * write-rename-fsync on ext4, see bench/README.md). A slot holds a header (magic, sequence number,
 * length, SHA-256 of all of it) and the content; reading takes the valid slot with the higher
 * sequence number, so a write torn by a power cut leaves the previous record. A slot file is
 * created whole (written aside and renamed), so once it exists it held a whole record: two
 * invalid slots are damage, not an interrupted first write.
 *
 * <p>The checksum detects a torn write, not an attacker: whoever can write the data directory can
 * write a valid slot, as they could write a plain file.
 *
 * <p>Not thread-safe: its owner writes from one thread.
 */
final class AlternatingRecord {

    private static final int MAGIC = 0x52445231; // "RDR1"
    private static final int DIGEST_BYTES = 32;
    private static final int HEADER_BYTES = 4 + 8 + 4 + DIGEST_BYTES;

    private final Path directory;
    private final Path[] slots;
    private final int maxBytes;
    private long sequence;
    private int current = -1;

    private AlternatingRecord(Path directory, String name, int maxBytes) {
        this.directory = directory;
        this.slots = new Path[] {directory.resolve(name + ".a"), directory.resolve(name + ".b")};
        this.maxBytes = maxBytes;
    }

    /**
     * @param directory where the slots live; created on the first write
     * @param name      the record's name
     * @param maxBytes  the largest content accepted, written or read
     * @return the record, positioned after the newest valid slot
     * @throws IOException when a slot exists but neither holds a valid record, or cannot be read
     */
    static AlternatingRecord open(Path directory, String name, int maxBytes) throws IOException {
        AlternatingRecord record = new AlternatingRecord(directory, name, maxBytes);
        record.locate();
        return record;
    }

    /**
     * @return the newest content, empty when nothing was ever written
     * @throws IOException when it cannot be read, or the slots were damaged since {@link #open}
     */
    Optional<byte[]> read() throws IOException {
        if (current < 0) {
            return Optional.empty();
        }
        Slot slot = readSlot(slots[current]).orElseThrow(() -> new IOException(slots[current] + " was damaged"));
        return Optional.of(slot.content);
    }

    /**
     * Writes {@code content} over the older slot and forces it to the device before returning.
     *
     * @param content the new content
     * @throws IOException when it cannot be written; the previous content then stays the newest
     */
    void write(byte[] content) throws IOException {
        if (content.length > maxBytes) {
            throw new IOException("the record is larger than " + maxBytes + " bytes");
        }
        int target = current < 0 ? 0 : 1 - current;
        long next = sequence + 1;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + content.length);
        buffer.putInt(MAGIC).putLong(next).putInt(content.length).put(digest(next, content)).put(content).flip();
        if (Files.exists(slots[target])) {
            overwrite(slots[target], buffer);
        } else {
            create(slots[target], buffer);
        }
        sequence = next;
        current = target;
    }

    private static void overwrite(Path slot, ByteBuffer buffer) throws IOException {
        try (FileChannel channel = FileChannel.open(slot, StandardOpenOption.WRITE)) {
            long position = 0;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        }
    }

    /** A new slot appears whole or not at all, so an existing slot always held a whole record once. */
    private void create(Path slot, ByteBuffer buffer) throws IOException {
        Files.createDirectories(directory);
        Path temporary = slot.resolveSibling(slot.getFileName() + ".new");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, slot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    private void locate() throws IOException {
        boolean any = false;
        for (int index = 0; index < slots.length; index++) {
            if (Files.exists(slots[index])) {
                any = true;
            }
            Optional<Slot> slot = readSlot(slots[index]);
            if (slot.isPresent() && (current < 0 || slot.get().sequence > sequence)) {
                current = index;
                sequence = slot.get().sequence;
            }
        }
        if (any && current < 0) {
            throw new IOException("neither " + slots[0].getFileName() + " nor " + slots[1].getFileName()
                    + " holds a whole record");
        }
    }

    private Optional<Slot> readSlot(Path file) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = Math.min(channel.size(), (long) HEADER_BYTES + maxBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until full or end of file
            }
            bytes = buffer.array();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length < HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        if (header.getInt() != MAGIC) {
            return Optional.empty();
        }
        long slotSequence = header.getLong();
        int length = header.getInt();
        if (length < 0 || length > bytes.length - HEADER_BYTES) {
            return Optional.empty();
        }
        byte[] expected = new byte[DIGEST_BYTES];
        header.get(expected);
        byte[] content = new byte[length];
        header.get(content);
        if (!MessageDigest.isEqual(expected, digest(slotSequence, content))) {
            return Optional.empty();
        }
        return Optional.of(new Slot(slotSequence, content));
    }

    private static byte[] digest(long sequence, byte[] content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(16).putInt(MAGIC).putLong(sequence).putInt(content.length).array());
            return sha256.digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened; the slot's data is forced already.
        }
    }

    private record Slot(long sequence, byte[] content) {
    }
}
