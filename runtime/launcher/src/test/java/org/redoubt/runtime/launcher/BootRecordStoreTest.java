package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootRecordStoreTest {

    @TempDir
    Path temp;

    @Test
    void noRecordBeforeTheFirstBoot() throws Exception {
        assertEquals(Optional.empty(), new BootRecordStore(temp.resolve("boot.json")).load());
    }

    @Test
    void savedRecordLoadsBackAndLeavesNoTemporaryFile() throws Exception {
        BootRecordStore store = new BootRecordStore(temp.resolve("boot.json"));
        BootRecord record = new BootRecord(Slot.B, 12, 40).nextBoot();
        store.save(record);
        assertEquals(Optional.of(new BootRecord(Slot.B, 12, 41)), store.load());
        assertFalse(Files.exists(temp.resolve("boot.json.tmp")));
    }

    @Test
    void aCandidateItsAttemptsAndARollbackLoadBack() throws Exception {
        BootRecordStore store = new BootRecordStore(temp.resolve("boot.json"));
        BootRecord testing = new BootRecord(Slot.A, 3, 7, Optional.of(new BootRecord.Candidate(Slot.B, 4, 0)),
                Optional.empty()).candidateAttempt().nextBoot();
        store.save(testing);
        assertEquals(Optional.of(testing), store.load());
        assertEquals(1, store.load().orElseThrow().candidate().orElseThrow().attempts());

        BootRecord rolledBack = testing.rollBack("3 boots without a commit");
        store.save(rolledBack);
        assertEquals(Optional.of(rolledBack), store.load());
        assertEquals(Optional.empty(), rolledBack.candidate());

        BootRecord committed = testing.commitCandidate();
        assertEquals(Slot.B, committed.committedSlot());
        assertEquals(4, committed.committedRelease());
    }

    @Test
    void aCandidateInTheCommittedSlotOrNotAboveTheCommittedReleaseIsCorrupt() throws Exception {
        Path file = temp.resolve("boot.json");
        for (String candidate : new String[] {"{\"slot\":\"a\",\"release\":2,\"attempts\":0}",
            "{\"slot\":\"b\",\"release\":1,\"attempts\":0}", "{\"slot\":\"b\",\"release\":2,\"attempts\":-1}",
            "{\"slot\":\"b\",\"release\":2}"}) {
            Files.writeString(file, "{\"schema\":1,\"committed\":{\"slot\":\"a\",\"release\":1},\"bootCount\":1,"
                    + "\"candidate\":" + candidate + "}");
            assertEquals(ExitCode.DATA_DIRECTORY,
                    assertThrows(BootFailure.class, () -> new BootRecordStore(file).load()).exitCode(), candidate);
        }
    }

    @Test
    void corruptRecordIsADataDirectoryFailureNotACrash() throws Exception {
        Path file = temp.resolve("boot.json");
        Files.writeString(file, "{\"schema\":1,\"committed\":{\"slot\":\"c\",\"release\":1},\"bootCount\":1}");
        BootFailure failure = assertThrows(BootFailure.class, () -> new BootRecordStore(file).load());
        assertEquals(ExitCode.DATA_DIRECTORY, failure.exitCode());
        assertTrue(failure.getMessage().contains("corrupt"), failure.getMessage());
    }

    @Test
    void truncatedRecordIsADataDirectoryFailure() throws Exception {
        Path file = temp.resolve("boot.json");
        Files.writeString(file, "{\"schema\":1,\"committ");
        assertEquals(ExitCode.DATA_DIRECTORY,
                assertThrows(BootFailure.class, () -> new BootRecordStore(file).load()).exitCode());
    }
}
