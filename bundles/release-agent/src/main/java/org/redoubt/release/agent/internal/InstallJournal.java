package org.redoubt.release.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The release agent's journal: one line per step of a live install ({@code <time> <release>
 * <progress> <detail>}), appended and forced to disk before the step's effect is reported, so that
 * after a power cut the agent can tell the operator how far the last install got. The boot record,
 * not this journal, decides which release boots; the journal only explains.
 */
final class InstallJournal {

    private static final int MAX_LINE = 512;

    private final Path file;
    private final Clock clock;

    /**
     * @param file  the journal
     * @param clock the time of each line
     */
    InstallJournal(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param release  the release number
     * @param progress the step reached
     * @param detail   what, for the operator (control characters are replaced)
     * @throws IOException when it cannot be written
     */
    void record(long release, ReleaseProgress progress, String detail) throws IOException {
        String line = clock.instant() + " " + release + " " + progress + " " + printable(detail);
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    /**
     * @return the last whole line, empty when there is none
     * @throws IOException when it cannot be read
     */
    Optional<String> last() throws IOException {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return Optional.of(lines.get(i));
                }
            }
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return out.toString();
    }
}
