package org.redoubt.log.sink.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {

    @TempDir
    Path dir;

    /** A line of exactly 10 bytes on disk: 9 characters and the line feed. */
    private static String line(int n) {
        return String.format("line-%04d", n);
    }

    private List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, UTF_8);
    }

    @Test
    void createsTheMissingDirectoryAndWritesOneLineEach() throws IOException {
        Path logs = dir.resolve("var/log/redoubt");
        try (RotatingLogFile file = new RotatingLogFile(logs, "redoubt.log", 1000, 3)) {
            file.append("first");
            file.append("second");
        }
        Path live = logs.resolve("redoubt.log");
        assertEquals("first\nsecond\n", Files.readString(live, UTF_8));
    }

    @Test
    void linesAreOnDiskWithoutClosing() throws IOException {
        RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 1000, 3);
        file.append("survives kill -9");
        assertEquals(List.of("survives kill -9"), read(file.liveFile()));
        file.close();
    }

    @Test
    void rotatesBeforeALineWouldExceedMaxBytes() throws IOException {
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 3)) {
            for (int n = 1; n <= 3; n++) {
                file.append(line(n));
            }
            // Exactly 30 bytes: full but not exceeded, so no rotation yet.
            assertEquals(30, Files.size(file.liveFile()));
            assertFalse(Files.exists(file.backup(1)));

            file.append(line(4));
            assertEquals(List.of(line(1), line(2), line(3)), read(file.backup(1)));
            assertEquals(List.of(line(4)), read(file.liveFile()));
        }
    }

    @Test
    void keepsTheConfiguredNumberOfFilesIncludingTheLiveOneOldestInTheHighestNumber() throws IOException {
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 3)) {
            for (int n = 1; n <= 20; n++) {
                file.append(line(n));
            }
            assertEquals(List.of(line(19), line(20)), read(file.liveFile()));
            assertEquals(List.of(line(16), line(17), line(18)), read(file.backup(1)));
            assertEquals(List.of(line(13), line(14), line(15)), read(file.backup(2)));
            assertFalse(Files.exists(file.backup(3)));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(3, listing.count());
        }
    }

    @Test
    void noFileEverExceedsMaxBytes() throws IOException {
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 64, 4)) {
            for (int n = 1; n <= 100; n++) {
                file.append("x".repeat(n % 30));
            }
        }
        try (var listing = Files.list(dir)) {
            for (Path path : listing.toList()) {
                assertTrue(Files.size(path) <= 64, path + " has " + Files.size(path) + " bytes");
            }
        }
    }

    @Test
    void withOneFileTheLiveFileStartsOver() throws IOException {
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 1)) {
            for (int n = 1; n <= 7; n++) {
                file.append(line(n));
            }
            assertEquals(List.of(line(7)), read(file.liveFile()));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("redoubt.log")), listing.toList());
        }
    }

    @Test
    void appendsToAnExistingFileAndCountsItsSize() throws IOException {
        Files.writeString(dir.resolve("redoubt.log"), line(1) + "\n" + line(2) + "\n", UTF_8);
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 2)) {
            file.append(line(3));
            assertEquals(List.of(line(1), line(2), line(3)), read(file.liveFile()));
            file.append(line(4));
            assertEquals(List.of(line(1), line(2), line(3)), read(file.backup(1)));
            assertEquals(List.of(line(4)), read(file.liveFile()));
        }
    }

    @Test
    void countsBytesNotCharacters() throws IOException {
        // "é" is two bytes in UTF-8: 4 x "éééé" + line feed = 9 bytes, three lines need 27 > 20.
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 20, 2)) {
            file.append("éééé");
            file.append("éééé");
            file.append("éééé");
            assertEquals(List.of("éééé", "éééé"), read(file.backup(1)));
            assertEquals(List.of("éééé"), read(file.liveFile()));
        }
    }

    @Test
    void aLineLongerThanMaxBytesIsWrittenAloneAndWhole() throws IOException {
        String longLine = "y".repeat(50);
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 3)) {
            file.append(line(1));
            file.append(longLine);
            file.append(line(2));
            assertEquals(List.of(line(1)), read(file.backup(2)));
            assertEquals(List.of(longLine), read(file.backup(1)));
            assertEquals(List.of(line(2)), read(file.liveFile()));
        }
    }

    @Test
    void aClosedFileRefusesLines() throws IOException {
        RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 3);
        file.append(line(1));
        file.close();
        file.close();
        assertThrows(IOException.class, () -> file.append(line(2)));
        assertEquals(List.of(line(1)), read(file.liveFile()));
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAnIOException() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        RotatingLogFile file = new RotatingLogFile(blocker.resolve("logs"), "redoubt.log", 30, 3);
        assertThrows(IOException.class, () -> file.append(line(1)));
    }

    @Test
    void acceptsOnlyPlainFileNames() {
        for (String bad : new String[] {"", ".", "..", "a/b", "../x", "a\\b", "c:x", "a\nb"}) {
            assertFalse(RotatingLogFile.isPlainFileName(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> new RotatingLogFile(dir, bad, 30, 3), bad);
        }
        assertTrue(RotatingLogFile.isPlainFileName("redoubt.log"));
        assertThrows(IllegalArgumentException.class, () -> new RotatingLogFile(dir, "x", 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new RotatingLogFile(dir, "x", 30, 0));
    }

    @Test
    void backupsAreNumberedAfterTheLiveFile() {
        RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 30, 3);
        List<Path> names = new ArrayList<>();
        names.add(file.liveFile());
        names.add(file.backup(1));
        names.add(file.backup(2));
        assertEquals(List.of(dir.resolve("redoubt.log"), dir.resolve("redoubt.log.1"), dir.resolve("redoubt.log.2")),
                names);
    }

    @Test
    void anInterruptedWriterDoesNotBreakTheFile() throws Exception {
        try (RotatingLogFile file = new RotatingLogFile(dir, "redoubt.log", 1000, 2)) {
            file.append(line(1));
            Thread.currentThread().interrupt();
            try {
                file.append(line(2)); // a component logging while its executor interrupts it
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is left for its owner");
            }
            file.append(line(3));
            assertEquals(List.of(line(1), line(2), line(3)), read(file.liveFile()));
        }
    }
}
