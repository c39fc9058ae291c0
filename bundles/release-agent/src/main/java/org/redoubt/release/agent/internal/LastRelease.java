package org.redoubt.release.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * The release the agent handled last and how far it got ({@code last.json}): lets the agent answer
 * a retained copy of a finished release with its outcome, and report an install that a restart cut
 * off. Written whole (aside, forced, renamed).
 */
final class LastRelease {

    /**
     * @param release  the release number (0 when the manifest could not be read)
     * @param envelope {@code sha256:<hex>} of its envelope
     * @param state    the state reached
     * @param detail   the reason of a rejection or rollback
     */
    record Entry(long release, String envelope, ReleaseProgress state, String detail) {
        Entry {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(detail, "detail");
        }
    }

    private static final Set<String> MEMBERS = Set.of("release", "envelope", "state", "detail");

    private final Path file;

    /** @param file the state file */
    LastRelease(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the entry, empty when there is none or it is damaged (the next release rewrites it) */
    Optional<Entry> read() {
        try {
            JsonObject json = JsonParser.parseObject(Files.readAllBytes(file), JsonLimits.DEFAULT).requireOnly(MEMBERS);
            return Optional.of(new Entry(json.requireLong("release"), json.requireString("envelope"),
                    ReleaseProgress.valueOf(json.requireString("state")), json.requireString("detail")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JsonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param entry the new entry
     * @throws IOException when it cannot be written; the old one stays
     */
    void write(Entry entry) throws IOException {
        byte[] json = JsonWriter.compact().writeUtf8(JsonObject.builder().put("release", entry.release())
                .put("envelope", entry.envelope()).put("state", entry.state().name()).put("detail", entry.detail()).build());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(json);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
