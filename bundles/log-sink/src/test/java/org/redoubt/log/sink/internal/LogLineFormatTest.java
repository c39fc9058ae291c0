package org.redoubt.log.sink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.service.log.LogLevel;

class LogLineFormatTest {

    /** 2026-03-04T05:06:07.089Z */
    private static final long TIME = 1_772_600_767_089L;

    private final LogLineFormat format = new LogLineFormat();

    @Test
    void writesTimeLevelSourceAndMessage() {
        assertEquals("2026-03-04T05:06:07.089Z INFO  org.redoubt.health all bundles active",
                format.format(TIME, LogLevel.INFO, "org.redoubt.health", "all bundles active", null));
    }

    @Test
    void writesMillisecondsEvenWhenZeroInUtc() {
        assertEquals("1970-01-01T00:00:00.000Z WARN  s m", format.format(0, LogLevel.WARN, "s", "m", null));
    }

    @ParameterizedTest
    @CsvSource({"AUDIT,'AUDIT '", "ERROR,'ERROR '", "WARN,'WARN  '", "INFO,'INFO  '", "DEBUG,'DEBUG '",
        "TRACE,'TRACE '"})
    void padsEachLevelToOneColumn(LogLevel level, String field) {
        String line = format.format(TIME, level, "src", "msg", null);
        assertEquals("2026-03-04T05:06:07.089Z " + field + "src msg", line);
    }

    @Test
    void appendsTheExceptionAndItsCausesOnTheSameLine() {
        Throwable error = new IOException("disk full",
                new IllegalStateException("flash worn", new UncheckedIOException(new IOException())));
        String line = format.format(TIME, LogLevel.ERROR, "src", "write failed", error);
        assertEquals("2026-03-04T05:06:07.089Z ERROR src write failed"
                + " | exception: java.io.IOException: disk full"
                + " | cause: java.lang.IllegalStateException: flash worn"
                + " | cause: java.io.UncheckedIOException: java.io.IOException"
                + " | cause: java.io.IOException", line);
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertEquals(" | exception: java.lang.Exception: a | cause: java.lang.Exception: b",
                exceptionPart(format.format(TIME, LogLevel.ERROR, "s", "m", a)));
    }

    @Test
    void aLongChainOfCausesIsCut() {
        Throwable error = new RuntimeException("0");
        for (int n = 1; n <= 20; n++) {
            error = new RuntimeException(Integer.toString(n), error);
        }
        String part = exceptionPart(format.format(TIME, LogLevel.ERROR, "s", "m", error));
        assertEquals(LogLineFormat.MAX_CAUSES + 1, part.split(" \\| cause: ", -1).length - 1);
        assertTrue(part.endsWith(" | cause: ..."), part);
    }

    @Test
    void anExceptionWhoseMessageThrowsIsStillWritten() {
        Throwable hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no");
            }
        };
        String line = format.format(TIME, LogLevel.ERROR, "s", "m", hostile);
        assertTrue(line.endsWith(": (message unavailable: java.lang.IllegalStateException)"), line);
    }

    @Test
    void escapesLineBreaksControlAndInvisibleCharacters() {
        String message = "a\nb\r\nc\td\\e\u0000f\u001b[31mg\u007fh\u0085i\u2028j\u202ek\u200bl";
        String line = format.format(TIME, LogLevel.INFO, "s", message, null);
        assertEquals("2026-03-04T05:06:07.089Z INFO  s "
                + "a\\nb\\r\\nc\\td\\\\e\\u0000f\\u001B[31mg\\u007Fh\\u0085i\\u2028j\\u202Ek\\u200Bl", line);
    }

    @Test
    void aForgedLineStaysInsideItsOwnLine() {
        String forged = "ok\n2026-03-04T05:06:07.089Z AUDIT org.redoubt.crypto key released";
        String line = format.format(TIME, LogLevel.INFO, "s", forged,
                new IOException("x\r\ny", new IOException("\u2029")));
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u2029"),
                line);
        assertTrue(line.contains("x\\r\\ny"), line);
    }

    @Test
    void keepsPrintableUnicodeAndEscapesLoneSurrogates() {
        assertEquals("Grüße 日本 \uD83D\uDCF1", LogLineFormat.escape("Grüße 日本 \uD83D\uDCF1"));
        assertEquals("a\\uD83Db", LogLineFormat.escape("a\uD83Db"));
    }

    @Test
    void cutsLongMessages() {
        String message = "m".repeat(LogLineFormat.MAX_MESSAGE_CHARS + 10);
        String line = format.format(TIME, LogLevel.INFO, "s", message, null);
        assertTrue(line.endsWith(" " + "m".repeat(LogLineFormat.MAX_MESSAGE_CHARS) + " [+10 chars]"), line);
    }

    @Test
    void sourceIsTheLoggerNameElseTheBundleSymbolicName() {
        assertEquals("org.redoubt.dial.DialPolicy", LogLineFormat.source("org.redoubt.dial.DialPolicy", "org.redoubt.dial"));
        assertEquals("org.redoubt.dial", LogLineFormat.source(null, "org.redoubt.dial"));
        assertEquals("org.redoubt.dial", LogLineFormat.source("  ", "org.redoubt.dial"));
        assertNull(LogLineFormat.source(null, null));
    }

    @Test
    void aMissingSourceOrMessageIsADashAndASourceKeepsOneField() {
        assertEquals("1970-01-01T00:00:00.000Z INFO  - -", format.format(0, LogLevel.INFO, null, null, null));
        assertEquals("1970-01-01T00:00:00.000Z INFO  my_logger\\nx m",
                format.format(0, LogLevel.INFO, " my logger\nx ", "m", null));
    }

    @Test
    void formatsAnEntryFromTheLogService() {
        TestEntry entry = new TestEntry(TIME, LogLevel.DEBUG, "org.redoubt.modem.AtChannel", "AT+CSQ",
                new IOException("timeout"), 7);
        assertEquals("2026-03-04T05:06:07.089Z DEBUG org.redoubt.modem.AtChannel AT+CSQ"
                + " | exception: java.io.IOException: timeout", format.format(entry));
    }

    @Test
    void mapsTheLegacyIntegerLevelWhenAnEntryHasNoLogLevel() {
        assertEquals(LogLevel.ERROR, LogLineFormat.levelOf(TestEntry.legacy(1)));
        assertEquals(LogLevel.WARN, LogLineFormat.levelOf(TestEntry.legacy(2)));
        assertEquals(LogLevel.INFO, LogLineFormat.levelOf(TestEntry.legacy(3)));
        assertEquals(LogLevel.DEBUG, LogLineFormat.levelOf(TestEntry.legacy(4)));
        assertEquals(LogLevel.TRACE, LogLineFormat.levelOf(TestEntry.legacy(9)));
        assertEquals(LogLevel.AUDIT, LogLineFormat.levelOf(TestEntry.of(1, LogLevel.AUDIT, "m")));
    }

    private static String exceptionPart(String line) {
        return line.substring(line.indexOf(" | exception: "));
    }
}
