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
