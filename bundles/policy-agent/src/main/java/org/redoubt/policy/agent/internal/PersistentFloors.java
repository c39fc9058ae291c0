package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.redoubt.crypto.documents.FloorKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TimeFloor;
import org.redoubt.crypto.documents.VersionFloor;
import org.redoubt.crypto.documents.VersionFloors;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * What the agent must not forget, in one record so that applying a policy costs one forced write:
 * the anti-rollback floors (highest accepted version and its payload digest, per role, document
 * type and target), the time floor (never earlier than the latest verified issuedAt) and the
 * envelope of the policy in force. The record is an {@link AlternatingRecord} ({@code state.a},
 * {@code state.b}); before the agent's first write, a provisioned {@code state.json} of the same
 * JSON is read instead. Every change is on disk before the method returns ({@link #together}
 * groups several); a change that cannot be stored is not made.
 *
 * <p>Not thread-safe: the agent changes them from its one processing thread.
 */
final class PersistentFloors implements VersionFloors, TimeFloor {

    /** The provisioned state, read only while the agent has not written its record yet. */
    static final String PROVISIONED = "state.json";
    static final String RECORD = "state";
    private static final int MAX_BYTES = 2 << 20;
    private static final Set<String> MEMBERS = Set.of("format", "timeFloor", "floors", "policy");
    private static final Set<String> FLOOR_MEMBERS = Set.of("role", "type", "target", "version", "digest");

    private final AlternatingRecord record;
    private final Map<FloorKey, VersionFloor> floors;
    private Instant timeFloor;
    private byte[] policy;
    private boolean deferred;

    private PersistentFloors(AlternatingRecord record, Map<FloorKey, VersionFloor> floors, Instant timeFloor, byte[] policy) {
        this.record = record;
        this.floors = floors;
        this.timeFloor = timeFloor;
        this.policy = policy;
    }

    /**
     * @param directory the agent's state directory
     * @param initial   the time floor when nothing was stored yet (the build time of the release)
     * @return the stored floors
     * @throws IOException when the record cannot be read or is damaged; the agent then refuses to
     *                     run rather than forget its floors
     */
    static PersistentFloors load(Path directory, Instant initial) throws IOException {
        AlternatingRecord record = AlternatingRecord.open(directory, RECORD, MAX_BYTES);
        Optional<byte[]> stored = stored(directory, record);
        if (stored.isEmpty()) {
            return new PersistentFloors(record, new LinkedHashMap<>(), initial, null);
        }
        try {
            JsonObject json = JsonParser.parseObject(stored.get(), JsonLimits.DEFAULT.withMaxBytes(MAX_BYTES))
                    .requireOnly(MEMBERS);
            if (json.requireInt("format") != 1) {
                throw new IOException("the policy state has an unknown format");
            }
            Map<FloorKey, VersionFloor> floors = new LinkedHashMap<>();
            for (JsonObject floor : json.requireArray("floors").requireObjects()) {
                floor.requireOnly(FLOOR_MEMBERS);
                Role role = Role.fromId(floor.requireString("role"))
                        .orElseThrow(() -> new IOException("the policy state names an unknown role"));
                floors.put(new FloorKey(role, floor.requireString("type"), floor.requireString("target")),
                        new VersionFloor(floor.requireLong("version"), HexFormat.of().parseHex(floor.requireString("digest"))));
            }
            Instant time = Instant.parse(json.requireString("timeFloor"));
            byte[] policy = json.optionalString("policy").map(Base64.getDecoder()::decode).orElse(null);
            return new PersistentFloors(record, floors, time.isAfter(initial) ? time : initial, policy);
        } catch (JsonException | DateTimeParseException | IllegalArgumentException e) {
            throw new IOException("the policy state is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * @param directory the agent's state directory
     * @return the stored JSON: the newest record, else the provisioned file, else empty
     * @throws IOException when it cannot be read
     */
    static Optional<byte[]> stored(Path directory) throws IOException {
        return stored(directory, AlternatingRecord.open(directory, RECORD, MAX_BYTES));
    }

    private static Optional<byte[]> stored(Path directory, AlternatingRecord record) throws IOException {
        Optional<byte[]> written = record.read();
        return written.isPresent() ? written : new StateFiles(directory).read(PROVISIONED, MAX_BYTES);
    }

    /**
     * Makes several changes (a verifier's commit raises a version floor and the time floor) and
     * writes them to disk once, together, before returning.
     *
     * @param changes the changes
     * @throws UncheckedIOException when they cannot be stored; then none of them is made
     */
    void together(Runnable changes) {
        if (deferred) {
            changes.run();
            return;
        }
        Snapshot before = new Snapshot(new LinkedHashMap<>(floors), timeFloor, policy);
        try {
            deferred = true;
            try {
                changes.run();
            } finally {
                deferred = false;
            }
            store();
        } catch (RuntimeException e) {
            // What is not on disk is not in force either: a redelivered document is applied again.
            before.restore(this);
            throw e;
        }
    }

    /** @return the envelope of the policy in force, as received */
    Optional<byte[]> policy() {
        return Optional.ofNullable(policy).map(byte[]::clone);
    }

    /**
     * Keeps the envelope of the policy now in force (written with the next change, or at once).
     *
     * @param envelope the envelope as received
     */
    void keepPolicy(byte[] envelope) {
        byte[] kept = envelope.clone();
        together(() -> policy = kept);
    }

    @Override
    public Optional<VersionFloor> floor(FloorKey key) {
        return Optional.ofNullable(floors.get(key));
    }

    @Override
    public void raise(FloorKey key, VersionFloor floor) {
        together(() -> floors.put(key, floor));
    }

    @Override
    public void clear(Role role) {
        together(() -> floors.keySet().removeIf(key -> key.role() == role));
    }

    @Override
    public Instant notEarlierThan() {
        return timeFloor;
    }

    @Override
    public void raiseTo(Instant instant) {
        if (instant.isAfter(timeFloor)) {
            together(() -> timeFloor = instant);
        }
    }

    private void store() {
        JsonArray.Builder list = JsonArray.builder();
        floors.forEach((key, floor) -> list.add(JsonObject.builder().put("role", key.role().id())
                .put("type", key.documentType()).put("target", key.targetKey()).put("version", floor.version())
                .put("digest", HexFormat.of().formatHex(floor.payloadDigest())).build()));
        JsonObject.Builder json = JsonObject.builder().put("format", 1).put("timeFloor", timeFloor.toString())
                .put("floors", list.build());
        if (policy != null) {
            json.put("policy", Base64.getEncoder().encodeToString(policy));
        }
        try {
            record.write(JsonWriter.indented().writeUtf8(json.build()));
        } catch (IOException e) {
            // The verifier's interfaces cannot throw; the processor turns this into a FAILED ack.
            throw new UncheckedIOException("the floors cannot be stored", e);
        }
    }

    /** What the floors were before a change that could not be stored. */
    private record Snapshot(Map<FloorKey, VersionFloor> floors, Instant timeFloor, byte[] policy) {

        void restore(PersistentFloors into) {
            into.floors.clear();
            into.floors.putAll(floors);
            into.timeFloor = timeFloor;
            into.policy = policy;
        }
    }
}
