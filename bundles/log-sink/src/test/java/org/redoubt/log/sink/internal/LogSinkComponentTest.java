package org.redoubt.log.sink.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

class LogSinkComponentTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(stderrBytes, true, UTF_8);
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(0), ZoneOffset.UTC);

    private LogSinkSettings settings(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("redoubt.log.dir", dir.resolve("log").toString());
        return LogSinkSettings.parse(properties::get);
    }

    private List<String> messages() throws IOException {
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("log/redoubt.log"), UTF_8)) {
            messages.add(line.substring(line.indexOf(" test.logger ") + " test.logger ".length()));
        }
        return messages;
    }

    @Test
    void replaysTheHistoryOldestFirstThenWritesLiveEntries() throws IOException {
        FakeLogReader reader = new FakeLogReader(List.of(
                TestEntry.of(1, LogLevel.INFO, "one"),
                TestEntry.of(2, LogLevel.WARN, "two"),
                TestEntry.of(3, LogLevel.ERROR, "three")), r -> { });
        LogSinkComponent component = new LogSinkComponent(settings(Map.of()), reader, stderr, clock);
        reader.deliver(TestEntry.of(4, LogLevel.INFO, "four"));

        assertEquals(List.of("one", "two", "three", "four"), messages());
        assertEquals(4, stderrBytes.toString(UTF_8).lines().count());
        component.deactivate();
    }

    @Test
    void entriesLoggedWhileTheHistoryIsReadAreWrittenOnceAndAfterIt() throws IOException {
        TestEntry three = TestEntry.of(3, LogLevel.INFO, "three");
        // Entry 3 reaches the listener and is in the history; entry 4 only reaches the listener.
        FakeLogReader reader = new FakeLogReader(List.of(
                TestEntry.of(1, LogLevel.INFO, "one"),
                TestEntry.of(2, LogLevel.INFO, "two"),
                three), r -> {
                    r.deliver(three);
                    r.deliver(TestEntry.of(4, LogLevel.INFO, "four"));
                });
        LogSinkComponent component = new LogSinkComponent(settings(Map.of()), reader, stderr, clock);
        reader.deliver(TestEntry.of(5, LogLevel.INFO, "five"));

        assertEquals(List.of("one", "two", "three", "four", "five"), messages());
        component.deactivate();
    }

    @Test
    void deactivationRemovesTheListenerAndClosesTheFile() throws IOException {
        FakeLogReader reader = new FakeLogReader(List.of(), r -> { });
        LogSinkComponent component = new LogSinkComponent(settings(Map.of()), reader, stderr, clock);
        assertEquals(1, reader.listeners.size());
        reader.deliver(TestEntry.of(1, LogLevel.INFO, "kept"));

        component.deactivate();

        assertEquals(0, reader.listeners.size());
        reader.deliver(TestEntry.of(2, LogLevel.INFO, "too late"));
        assertEquals(List.of("kept"), messages());
    }

    @Test
    void badSettingsAreReportedAndDoNotStopActivation() throws IOException {
        FakeLogReader reader = new FakeLogReader(List.of(TestEntry.of(1, LogLevel.INFO, "one")), r -> { });
        LogSinkComponent component = new LogSinkComponent(
                settings(Map.of("redoubt.log.level", "LOUD", "redoubt.log.console", "false")), reader, stderr, clock);

        List<String> stderrLines = stderrBytes.toString(UTF_8).lines().toList();
        assertEquals(1, stderrLines.size(), stderrLines.toString());
        assertTrue(stderrLines.get(0).contains(" WARN  org.redoubt.log.sink ignoring redoubt.log.level=\"LOUD\""),
                stderrLines.get(0));
        List<String> fileLines = Files.readAllLines(dir.resolve("log/redoubt.log"), UTF_8);
        assertEquals(2, fileLines.size());
        assertEquals(stderrLines.get(0), fileLines.get(0));
        assertTrue(fileLines.get(1).endsWith(" INFO  test.logger one"), fileLines.get(1));
        component.deactivate();
    }

    @Test
    void withoutADirectoryNothingIsWrittenToDisk() throws IOException {
        FakeLogReader reader = new FakeLogReader(List.of(TestEntry.of(1, LogLevel.INFO, "one")), r -> { });
        LogSinkComponent component = new LogSinkComponent(LogSinkSettings.parse(key -> null), reader, stderr, clock);
        assertEquals(List.of("1970-01-01T00:00:01.000Z INFO  test.logger one"),
                stderrBytes.toString(UTF_8).lines().toList());
        try (var listing = Files.list(dir)) {
            assertFalse(listing.findAny().isPresent());
        }
        component.deactivate();
    }

    @Test
    void aFailingHistoryLeavesNoListenerBehind() {
        FakeLogReader reader = new FakeLogReader(List.of(), r -> {
            throw new IllegalStateException("log service going away");
        });
        assertThrows(IllegalStateException.class,
                () -> new LogSinkComponent(settings(Map.of()), reader, stderr, clock));
        assertEquals(0, reader.listeners.size());
    }

    @Test
    void theHistoryCanBeReplayedOnlyOnce() {
        ReplayingListener listener = new ReplayingListener(
                new LogSink(LogLevel.INFO, new LogLineFormat(), null, null, stderr, clock));
        listener.replay(new FakeLogReader(List.of(), r -> { }).getLog());
        assertThrows(IllegalStateException.class,
                () -> listener.replay(new FakeLogReader(List.of(), r -> { }).getLog()));
    }

    @Test
    void entriesWithoutSequenceNumbersAreAllKept() {
        LogSink sink = new LogSink(LogLevel.INFO, new LogLineFormat(), null, stderr, stderr, clock);
        ReplayingListener listener = new ReplayingListener(sink);
        TestEntry held = new TestEntry(2000, LogLevel.INFO, "test.logger", "held", null, 0);
        listener.logged(held);
        listener.replay(new FakeLogReader(
                List.of(new TestEntry(1000, LogLevel.INFO, "test.logger", "history", null, 0)), r -> { }).getLog());
        assertEquals(List.of(
                "1970-01-01T00:00:01.000Z INFO  test.logger history",
                "1970-01-01T00:00:02.000Z INFO  test.logger held"), stderrBytes.toString(UTF_8).lines().toList());
    }
}
