package org.redoubt.log.sink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.service.log.LogLevel;

class LogSinkSettingsTest {

    private static LogSinkSettings parse(Map<String, String> properties) {
        return LogSinkSettings.parse(properties::get);
    }

    @Test
    void defaultsWithoutAnyProperty() {
        LogSinkSettings settings = parse(Map.of());
        assertNull(settings.directory());
        assertFalse(settings.fileOutput());
        assertEquals("redoubt.log", settings.fileName());
        assertEquals(1_048_576L, settings.maxBytes());
        assertEquals(5, settings.files());
        assertEquals(LogLevel.INFO, settings.level());
        assertTrue(settings.console());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void readsEveryProperty() {
        LogSinkSettings settings = parse(Map.of(
                "redoubt.log.dir", "/data/log",
                "redoubt.log.file", "phone.log",
                "redoubt.log.maxBytes", "65536",
                "redoubt.log.files", "3",
                "redoubt.log.level", "debug",
                "redoubt.log.console", "FALSE"));
        assertEquals(Path.of("/data/log"), settings.directory());
        assertTrue(settings.fileOutput());
        assertEquals("phone.log", settings.fileName());
        assertEquals(65_536L, settings.maxBytes());
        assertEquals(3, settings.files());
        assertEquals(LogLevel.DEBUG, settings.level());
        assertFalse(settings.console());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void trimsValuesAndTakesBlankAsUnset() {
        LogSinkSettings settings = parse(Map.of(
                "redoubt.log.dir", "   ",
                "redoubt.log.maxBytes", " 2048 ",
                "redoubt.log.level", " AUDIT ",
                "redoubt.log.console", ""));
        assertNull(settings.directory());
        assertEquals(2048L, settings.maxBytes());
        assertEquals(LogLevel.AUDIT, settings.level());
        assertTrue(settings.console());
        assertEquals(List.of(), settings.warnings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "redoubt.log.maxBytes | lots",
        "redoubt.log.maxBytes | 1023",
        "redoubt.log.maxBytes | -5",
        "redoubt.log.maxBytes | 99999999999999999999",
        "redoubt.log.files    | 0",
        "redoubt.log.files    | 101",
        "redoubt.log.files    | 2.5",
        "redoubt.log.level    | VERBOSE",
        "redoubt.log.level    | WARNING",
        "redoubt.log.console  | yes",
        "redoubt.log.console  | 1",
        "redoubt.log.file     | ../etc/passwd",
        "redoubt.log.file     | logs/redoubt.log",
        "redoubt.log.file     | ..",
    })
    void aBadValueGivesOneWarningAndTheDefault(String key, String value) {
        LogSinkSettings settings = parse(Map.of(key, value));
        LogSinkSettings defaults = parse(Map.of());

        assertEquals(1, settings.warnings().size(), settings.warnings().toString());
        String warning = settings.warnings().get(0);
        assertTrue(warning.startsWith("ignoring " + key + "=\"" + value + "\": expected "), warning);
        assertTrue(warning.contains("; using "), warning);

        assertEquals(defaults.fileName(), settings.fileName());
        assertEquals(defaults.maxBytes(), settings.maxBytes());
        assertEquals(defaults.files(), settings.files());
        assertEquals(defaults.level(), settings.level());
        assertEquals(defaults.console(), settings.console());
    }

    @Test
    void aDirectoryThatIsNoPathTurnsFileOutputOffWithAWarning() {
        LogSinkSettings settings = parse(Map.of("redoubt.log.dir", "/data/\0log"));
        assertFalse(settings.fileOutput());
        assertEquals(1, settings.warnings().size());
        assertTrue(settings.warnings().get(0).endsWith("; using no file output"), settings.warnings().get(0));
    }

    @Test
    void severalBadValuesGiveOneWarningEachAndKeepTheGoodOnes() {
        LogSinkSettings settings = parse(Map.of(
                "redoubt.log.maxBytes", "1MB",
                "redoubt.log.files", "many",
                "redoubt.log.level", "ERROR"));
        assertEquals(2, settings.warnings().size(), settings.warnings().toString());
        assertEquals(LogLevel.ERROR, settings.level());
    }

    @Test
    void aLongBadValueIsQuotedShort() {
        String value = "x".repeat(500);
        String warning = parse(Map.of("redoubt.log.level", value)).warnings().get(0);
        assertTrue(warning.length() < 200, warning);
    }
}
