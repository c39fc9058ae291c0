package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.documents.FloorKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.VersionFloor;

/** A change to the floors that cannot be stored is not made: what is not on disk is not in force. */
class PersistentFloorsTest {

    private static final Instant BUILT = Instant.parse("2026-11-01T00:00:00Z");
    private static final FloorKey POLICY = new FloorKey(Role.POLICY, "redoubt.policy", "device:handset-a");

    @TempDir
    Path state;

    @Test
    void changesThatCannotBeStoredAreNotMade() throws Exception {
        PersistentFloors floors = PersistentFloors.load(state, BUILT);
        floors.raise(POLICY, new VersionFloor(1, new byte[32]));
        // The next write goes to the second slot, created aside first: a directory there makes it fail.
        Path aside = Files.createDirectories(state.resolve(PersistentFloors.RECORD + ".b.new"));
        Instant later = BUILT.plusSeconds(3600);

        assertThrows(UncheckedIOException.class, () -> floors.together(() -> {
            floors.raise(POLICY, new VersionFloor(2, new byte[32]));
            floors.raiseTo(later);
            floors.keepPolicy(new byte[] {1, 2, 3});
        }));
        assertThrows(UncheckedIOException.class, () -> floors.raiseTo(later));
        assertThrows(UncheckedIOException.class, () -> floors.clear(Role.POLICY));

        assertEquals(1, floors.floor(POLICY).orElseThrow().version());
        assertEquals(BUILT, floors.notEarlierThan());
        assertEquals(Optional.empty(), floors.policy());

        Files.delete(aside);
        floors.together(() -> {
            floors.raise(POLICY, new VersionFloor(2, new byte[32]));
            floors.raiseTo(later);
        });
        PersistentFloors reloaded = PersistentFloors.load(state, BUILT);
        assertEquals(2, reloaded.floor(POLICY).orElseThrow().version());
        assertEquals(later, reloaded.notEarlierThan());
    }
}
