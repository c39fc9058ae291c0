package org.redoubt.log.sink.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

class LogSinkTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, UTF_8);
    private final ByteArrayOutputStream operatorBytes = new ByteArrayOutputStream();
    private final PrintStream operator = new PrintStream(operatorBytes, true, UTF_8);
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(0), ZoneOffset.UTC);

    private List<String> consoleLines() {
        return consoleBytes.toString(UTF_8).lines().toList();
    }

    private List<String> operatorLines() {
        return operatorBytes.toString(UTF_8).lines().toList();
    }

    private RotatingLogFile file() {
        return new RotatingLogFile(dir, "redoubt.log", 4096, 2);
    }

    private List<String> fileLines() throws IOException {
        return Files.readAllLines(dir.resolve("redoubt.log"), UTF_8);
    }

    @Test
    void writesEntriesAtTheThresholdOrMoreSevereToFileAndConsole() throws IOException {
        LogSink sink = new LogSink(LogLevel.INFO, new LogLineFormat(), file(), console, operator, clock);
        for (LogLevel level : LogLevel.values()) {
            sink.write(TestEntry.of(level.ordinal() + 1, level, level.name().toLowerCase()));
        }
        sink.close();
        List<String> expected = List.of(
                "1970-01-01T00:00:01.000Z AUDIT test.logger audit",
                "1970-01-01T00:00:02.000Z ERROR test.logger error",
                "1970-01-01T00:00:03.000Z WARN  test.logger warn",
                "1970-01-01T00:00:04.000Z INFO  test.logger info");
        assertEquals(expected, fileLines());
        assertEquals(expected, consoleLines());
        assertEquals(List.of(), operatorLines());
    }

    @Test
    void traceLetsEverythingThroughAndAuditOnlyAudit() {
        LogSink trace = new LogSink(LogLevel.TRACE, new LogLineFormat(), null, console, operator, clock);
        for (LogLevel level : LogLevel.values()) {
            trace.write(TestEntry.of(1, level, "m"));
        }
        assertEquals(LogLevel.values().length, consoleLines().size());

        consoleBytes.reset();
        LogSink audit = new LogSink(LogLevel.AUDIT, new LogLineFormat(), null, console, operator, clock);
        for (LogLevel level : LogLevel.values()) {
            audit.write(TestEntry.of(1, level, "m"));
        }
        assertEquals(List.of("1970-01-01T00:00:01.000Z AUDIT test.logger m"), consoleLines());
    }

    @Test
    void withoutConsoleOnlyTheFileIsWritten() throws IOException {
        LogSink sink = new LogSink(LogLevel.INFO, new LogLineFormat(), file(), null, operator, clock);
        sink.write(TestEntry.of(1, LogLevel.WARN, "to file"));
        assertEquals(List.of("1970-01-01T00:00:01.000Z WARN  test.logger to file"), fileLines());
        assertEquals(List.of(), operatorLines());
    }

    @Test
    void noticesIgnoreTheThresholdAndGoToFileAndOperator() throws IOException {
        LogSink sink = new LogSink(LogLevel.ERROR, new LogLineFormat(), file(), null, operator, clock);
        sink.notice("ignoring redoubt.log.files=\"x\"\nforged");
        String expected = "1970-01-01T00:00:00.000Z WARN  org.redoubt.log.sink ignoring redoubt.log.files=\"x\"\\nforged";
        assertEquals(List.of(expected), fileLines());
        assertEquals(List.of(expected), operatorLines());
    }

    @Test
    void aFailingFileIsReportedOnceAndTheConsoleGoesOn() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        RotatingLogFile broken = new RotatingLogFile(notADirectory.resolve("logs"), "redoubt.log", 4096, 2);
        LogSink sink = new LogSink(LogLevel.INFO, new LogLineFormat(), broken, console, operator, clock);

        for (int n = 1; n <= 5; n++) {
            sink.write(TestEntry.of(n, LogLevel.INFO, "entry " + n));
        }
        sink.notice("a notice still reaches the operator");

        assertEquals(5, consoleLines().size());
        List<String> reports = operatorLines();
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(0).startsWith("1970-01-01T00:00:00.000Z ERROR org.redoubt.log.sink log file "), reports.get(0));
        assertTrue(reports.get(0).contains(" failed; file output stopped, console output goes on | exception: java.nio.file."),
                reports.get(0));
        assertTrue(reports.get(1).endsWith("a notice still reaches the operator"), reports.get(1));
    }

    @Test
    void afterCloseEverythingIsDropped() throws IOException {
        LogSink sink = new LogSink(LogLevel.INFO, new LogLineFormat(), file(), console, operator, clock);
        sink.write(TestEntry.of(1, LogLevel.INFO, "before"));
        sink.close();
        sink.close();
        sink.write(TestEntry.of(2, LogLevel.INFO, "after"));
        sink.notice("after");
        assertEquals(1, fileLines().size());
        assertEquals(1, consoleLines().size());
        assertEquals(List.of(), operatorLines());
    }

    @Test
    void serviceEventsAtInfoAreDebugDetailButTheirWarningsStay() {
        LogSink info = new LogSink(LogLevel.INFO, new LogLineFormat(), null, console, operator, clock);
        info.write(TestEntry.ofLogger("Events.Service.org.apache.felix.scr", LogLevel.INFO, "ServiceEvent REGISTERED"));
        info.write(TestEntry.ofLogger("Events.Service.org.apache.felix.scr", LogLevel.WARN, "odd service event"));
        info.write(TestEntry.ofLogger("Events.Bundle.org.apache.felix.scr", LogLevel.INFO, "BundleEvent STARTED"));
        List<String> lines = consoleLines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("odd service event"), lines.toString());
        assertTrue(lines.get(1).contains("BundleEvent STARTED"), lines.toString());

        LogSink debug = new LogSink(LogLevel.DEBUG, new LogLineFormat(), null, console, operator, clock);
        debug.write(TestEntry.ofLogger("Events.Service.org.apache.felix.scr", LogLevel.INFO, "ServiceEvent REGISTERED"));
        assertTrue(consoleLines().get(2).contains("ServiceEvent REGISTERED"), consoleLines().toString());
    }
}
