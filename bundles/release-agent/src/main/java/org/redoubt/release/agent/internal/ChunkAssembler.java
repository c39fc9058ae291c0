package org.redoubt.release.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.redoubt.release.agent.internal.TransferFailure.Reason;

/**
 * Puts one bundle file together from its chunks in the staging directory, in any order and
 * resumable: {@code <digest>.part} holds the bytes at their offsets, {@code <digest>.chunks} one
 * byte per chunk, set only after that chunk's bytes were forced to disk, so after a power cut or a
 * lost connection only the missing chunks are asked for again. Nothing beyond the listed size is
 * ever written (SECURITY.md row 5). The file counts only once its SHA-256 is the listed one; it
 * is then {@code <digest>.blob}.
 *
 * <p>Not thread-safe: one transfer, one thread.
 */
final class ChunkAssembler implements AutoCloseable {

    private final BlobSpec spec;
    private final Path part;
    private final Path marks;
    private final Path blob;
    private final FileChannel data;
    private final FileChannel received;
    private final boolean[] present;
    private int missing;

    private ChunkAssembler(BlobSpec spec, Path staging, FileChannel data, FileChannel received, boolean[] present) {
        this.spec = spec;
        this.part = staging.resolve(spec.digest() + ".part");
        this.marks = staging.resolve(spec.digest() + ".chunks");
        this.blob = staging.resolve(spec.digest() + ".blob");
        this.data = data;
        this.received = received;
        this.present = present;
        for (boolean chunk : present) {
            missing += chunk ? 0 : 1;
        }
    }

    /**
     * Opens the transfer of a file, resuming what an earlier one left.
     *
     * @param staging the staging directory
     * @param spec    the file as the signed release lists it
     * @return the assembler
     * @throws TransferFailure {@code IO_FAILURE}
     */
    static ChunkAssembler open(Path staging, BlobSpec spec) throws TransferFailure {
        Objects.requireNonNull(spec, "spec");
        FileChannel data = null;
        try {
            Files.createDirectories(staging);
            data = FileChannel.open(staging.resolve(spec.digest() + ".part"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileChannel received = FileChannel.open(staging.resolve(spec.digest() + ".chunks"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            boolean[] present = new boolean[spec.chunks()];
            ByteBuffer stored = ByteBuffer.allocate(present.length);
            while (stored.hasRemaining() && received.read(stored, stored.position()) > 0) {
                // read what an earlier transfer marked
            }
            for (int i = 0; i < stored.position(); i++) {
                present[i] = stored.get(i) == 1;
            }
            return new ChunkAssembler(spec, staging, data, received, present);
        } catch (IOException e) {
            closeQuietly(data);
            throw new TransferFailure(Reason.IO_FAILURE, "the staging area cannot be used: " + e.getMessage(), e);
        }
    }

    /** @return the indexes still missing, in order */
    int[] missing() {
        int[] indexes = new int[missing];
        for (int i = 0, j = 0; i < present.length; i++) {
            if (!present[i]) {
                indexes[j++] = i;
            }
        }
        return indexes;
    }

    /** @return whether every chunk is on disk */
    boolean complete() {
        return missing == 0;
    }

    /**
     * @param index the chunk's index, from its topic
     * @param chunk its bytes
     * @return whether it was new (a repeated chunk is ignored)
     * @throws TransferFailure {@code TOO_LARGE} for an index past the last chunk,
     *                         {@code MALFORMED_CHUNK} for a wrong length, {@code IO_FAILURE}
     */
    boolean accept(int index, byte[] chunk) throws TransferFailure {
        if (index < 0) {
            throw new TransferFailure(Reason.MALFORMED_CHUNK, "not a chunk index", null);
        }
        if (index >= present.length) {
            throw new TransferFailure(Reason.TOO_LARGE, "chunk " + index + " of a file listed with " + present.length
                    + " chunks (" + spec.size() + " bytes)", null);
        }
        if (chunk.length != spec.lengthOf(index)) {
            throw new TransferFailure(Reason.MALFORMED_CHUNK, "chunk " + index + " has " + chunk.length
                    + " bytes, not " + spec.lengthOf(index), null);
        }
        if (present[index]) {
            return false;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(chunk);
            long offset = (long) index * spec.chunkSize();
            while (bytes.hasRemaining()) {
                offset += data.write(bytes, offset);
            }
            data.force(false);
            received.write(ByteBuffer.wrap(new byte[] {1}), index);
            received.force(false);
        } catch (IOException e) {
            throw new TransferFailure(Reason.IO_FAILURE, "chunk " + index + " cannot be staged: " + e.getMessage(), e);
        }
        present[index] = true;
        missing--;
        return true;
    }

    /**
     * Checks the whole file against the listed digest and keeps it as {@code <digest>.blob}; a
     * file that does not match is deleted.
     *
     * @return the verified file
     * @throws TransferFailure {@code DIGEST_MISMATCH}, {@code IO_FAILURE}, or {@code MALFORMED_CHUNK}
     *                         when chunks are still missing
     */
    Path finish() throws TransferFailure {
        if (!complete()) {
            throw new TransferFailure(Reason.MALFORMED_CHUNK, missing + " chunks still missing", null);
        }
        try {
            data.truncate(spec.size());
            data.force(true);
            String actual = sha256(part);
            if (!actual.equals(spec.digest())) {
                close();
                Files.deleteIfExists(part);
                Files.deleteIfExists(marks);
                throw new TransferFailure(Reason.DIGEST_MISMATCH, "the file's SHA-256 is " + actual + ", the release lists "
                        + spec.digest(), null);
            }
            close();
            Files.move(part, blob, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(marks);
            return blob;
        } catch (IOException e) {
            throw new TransferFailure(Reason.IO_FAILURE, "the file cannot be checked: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(data);
        closeQuietly(received);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to save
            }
        }
    }
}
