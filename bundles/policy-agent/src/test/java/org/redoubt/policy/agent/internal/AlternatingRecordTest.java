package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlternatingRecordTest {

    private static final int MAX = 4096;

    @TempDir
    Path directory;

    @Test
    void theNewestContentIsReadAfterReopeningAndWritesAlternateBetweenTheSlots() throws IOException {
        AlternatingRecord record = AlternatingRecord.open(directory, "state", MAX);
        assertEquals(Optional.empty(), record.read());

        record.write(bytes("one"));
        assertTrue(Files.exists(directory.resolve("state.a")));
        assertTrue(Files.notExists(directory.resolve("state.b")));
        record.write(bytes("two, longer than one"));
        record.write(bytes("3"));

        assertEquals("3", text(AlternatingRecord.open(directory, "state", MAX).read()));
        assertEquals("3", text(record.read()));
        assertTrue(Files.notExists(directory.resolve("state.a.new")), "no temporary file is left");
    }

    @Test
    void aWriteTornAtAnyByteLeavesThePreviousContent() throws IOException {
        Random random = new Random(20261202);
        for (int trial = 0; trial < 50; trial++) {
            Path trialDirectory = directory.resolve("trial-" + trial);
            AlternatingRecord record = AlternatingRecord.open(trialDirectory, "state", MAX);
            record.write(bytes("first record " + trial));
            record.write(bytes("second record " + trial));
            byte[] previous = bytes("second record " + trial);
            record.write(bytes("third record, torn " + trial));
            // The third write went to slot a (over the first); cut it where the power failed.
            Path torn = trialDirectory.resolve("state.a");
            long cut = random.nextInt((int) Files.size(torn));
            try (FileChannel channel = FileChannel.open(torn, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }

            assertArrayEquals(previous, AlternatingRecord.open(trialDirectory, "state", MAX).read().orElseThrow(),
                    "cut at byte " + cut);
        }
    }

    @Test
    void aFlippedBitInTheNewestSlotFallsBackToTheOtherAndTheNextWriteRepairsIt() throws IOException {
        AlternatingRecord record = AlternatingRecord.open(directory, "state", MAX);
        record.write(bytes("older"));
        record.write(bytes("newer"));
        flipLastByte(directory.resolve("state.b"));

        AlternatingRecord reopened = AlternatingRecord.open(directory, "state", MAX);
        assertEquals("older", text(reopened.read()));
        reopened.write(bytes("after the damage"));
        assertEquals("after the damage", text(AlternatingRecord.open(directory, "state", MAX).read()));
    }

    @Test
    void twoDamagedSlotsAreAnErrorNotAnEmptyRecord() throws IOException {
        AlternatingRecord record = AlternatingRecord.open(directory, "state", MAX);
        record.write(bytes("older"));
        record.write(bytes("newer"));
        flipLastByte(directory.resolve("state.a"));
        flipLastByte(directory.resolve("state.b"));

        IOException refused = assertThrows(IOException.class, () -> AlternatingRecord.open(directory, "state", MAX));
        assertTrue(refused.getMessage().contains("holds a whole record"), refused.getMessage());
    }

    @Test
    void contentOverTheCapIsRefusedAndThePreviousStays() throws IOException {
        AlternatingRecord record = AlternatingRecord.open(directory, "state", MAX);
        record.write(bytes("kept"));

        assertThrows(IOException.class, () -> record.write(new byte[MAX + 1]));
        assertEquals("kept", text(AlternatingRecord.open(directory, "state", MAX).read()));
    }

    @Test
    void theProvisionedStateIsReadUntilTheAgentWritesItsRecord() throws IOException {
        Files.writeString(directory.resolve(PersistentFloors.PROVISIONED), "{\"provisioned\":true}");
        assertEquals("{\"provisioned\":true}", text(PersistentFloors.stored(directory)));

        AlternatingRecord.open(directory, PersistentFloors.RECORD, MAX).write(bytes("{\"written\":true}"));
        assertEquals("{\"written\":true}", text(PersistentFloors.stored(directory)));
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        content[content.length - 1] ^= 1;
        Files.write(file, content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<byte[]> content) {
        return new String(content.orElseThrow(), StandardCharsets.UTF_8);
    }
}
