package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;

/**
 * Loads and saves the {@link BootRecord} as {@code boot.json}. Saving writes a temporary file,
 * forces it to disk and renames it over the old one, so a power cut leaves either record whole.
 */
final class BootRecordStore {

    private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 4, 256, 32);
    private static final Set<String> MEMBERS = Set.of("schema", "committed", "bootCount", "candidate", "rolledBack");
    private static final Set<String> COMMITTED_MEMBERS = Set.of("slot", "release");
    private static final Set<String> CANDIDATE_MEMBERS = Set.of("slot", "release", "attempts");
    private static final Set<String> ROLLED_BACK_MEMBERS = Set.of("release", "reason");

    private final Path file;

    /** @param file the record's path, {@code DATA/boot.json} */
    BootRecordStore(Path file) {
        this.file = file;
    }

    /**
     * @return the record, empty before the first boot
     * @throws BootFailure {@link ExitCode#DATA_DIRECTORY} when it is unreadable or corrupt
     */
    Optional<BootRecord> load() throws BootFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot read the boot record " + file + ": " + e, e);
        }
        try {
            JsonValue parsed = JsonParser.parse(bytes, LIMITS);
            if (!(parsed instanceof JsonObject root)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            root.requireOnly(MEMBERS);
            if (root.requireInt("schema") != 1) {
                throw new IllegalArgumentException("unsupported schema " + root.requireInt("schema"));
            }
            JsonObject committed = root.requireObject("committed");
            committed.requireOnly(COMMITTED_MEMBERS);
            Optional<BootRecord.Candidate> candidate = Optional.empty();
            Optional<JsonObject> staged = root.optionalObject("candidate");
            if (staged.isPresent()) {
                staged.get().requireOnly(CANDIDATE_MEMBERS);
                candidate = Optional.of(new BootRecord.Candidate(Slot.named(staged.get().requireString("slot")),
                        staged.get().requireLong("release"), staged.get().requireInt("attempts")));
            }
            Optional<BootRecord.RolledBack> rolledBack = Optional.empty();
            Optional<JsonObject> given = root.optionalObject("rolledBack");
            if (given.isPresent()) {
                given.get().requireOnly(ROLLED_BACK_MEMBERS);
                rolledBack = Optional.of(new BootRecord.RolledBack(given.get().requireLong("release"),
                        given.get().requireString("reason")));
            }
            return Optional.of(new BootRecord(Slot.named(committed.requireString("slot")),
                    committed.requireLong("release"), root.requireLong("bootCount"), candidate, rolledBack));
        } catch (JsonException | IllegalArgumentException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "the boot record " + file + " is corrupt: " + e.getMessage(),
                    e);
        }
    }

    /**
     * @param record the record to persist
     * @throws BootFailure {@link ExitCode#DATA_DIRECTORY} when it cannot be written
     */
    void save(BootRecord record) throws BootFailure {
        JsonObject.Builder builder = JsonObject.builder()
                .put("schema", 1L)
                .put("committed", JsonObject.builder()
                        .put("slot", record.committedSlot().directoryName())
                        .put("release", record.committedRelease())
                        .build())
                .put("bootCount", record.bootCount());
        record.candidate().ifPresent(candidate -> builder.put("candidate", JsonObject.builder()
                .put("slot", candidate.slot().directoryName()).put("release", candidate.release())
                .put("attempts", candidate.attempts()).build()));
        record.rolledBack().ifPresent(rolledBack -> builder.put("rolledBack", JsonObject.builder()
                .put("release", rolledBack.release()).put("reason", rolledBack.reason()).build()));
        JsonObject json = builder.build();
        byte[] bytes = (JsonWriter.indented().write(json) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            DurableFiles.replace(file, bytes);
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot write the boot record " + file + ": " + e, e);
        }
    }
}
