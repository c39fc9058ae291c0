package org.redoubt.log.sink.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.osgi.service.log.LogLevel;

/**
 * Where and how the log sink writes, parsed from the framework properties the launcher sets.
 *
 * <p>Parsing never fails: an unusable value yields one warning in {@link #warnings()} and the
 * default is used instead. An empty or blank value counts as unset.
 *
 * @param directory the directory of the log files, or {@code null} when there is no file output
 * @param fileName  the plain name of the live file (no directory part)
 * @param maxBytes  the size the live file may reach before it is rotated
 * @param files     how many files are kept, the live one included (at least 1)
 * @param level     the least severe level written; entries at this level or more severe pass
 * @param console   whether entries also go to the console (standard error)
 * @param warnings  one line per ignored property value, to be reported by the caller
 */
record LogSinkSettings(Path directory, String fileName, long maxBytes, int files, LogLevel level,
        boolean console, List<String> warnings) {

    static final String DIRECTORY = "redoubt.log.dir";
    static final String FILE_NAME = "redoubt.log.file";
    static final String MAX_BYTES = "redoubt.log.maxBytes";
    static final String FILES = "redoubt.log.files";
    static final String LEVEL = "redoubt.log.level";
    static final String CONSOLE = "redoubt.log.console";

    static final String DEFAULT_FILE_NAME = "redoubt.log";
    static final long DEFAULT_MAX_BYTES = 1_048_576L;
    /** Below this a handful of lines would rotate the file; such a value is taken as a mistake. */
    static final long MIN_MAX_BYTES = 1_024L;
    static final int DEFAULT_FILES = 5;
    static final int MAX_FILES = 100;
    static final LogLevel DEFAULT_LEVEL = LogLevel.INFO;
    static final boolean DEFAULT_CONSOLE = true;

    /** Longest property value quoted in a warning; the rest is cut. */
    private static final int QUOTED_VALUE_CHARS = 80;

    LogSinkSettings {
        if (fileName == null || !RotatingLogFile.isPlainFileName(fileName)) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        if (maxBytes < 1 || files < 1 || level == null) {
            throw new IllegalArgumentException("maxBytes and files must be positive, level set");
        }
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads the settings.
     *
     * @param properties looks a framework property up by name, {@code null} when it is not set
     *                   (in the framework: {@code BundleContext::getProperty})
     * @return the settings; never {@code null}, never throws for a bad value
     */
    static LogSinkSettings parse(Function<String, String> properties) {
        List<String> warnings = new ArrayList<>();
        Path directory = directory(value(properties, DIRECTORY), warnings);
        String fileName = fileName(value(properties, FILE_NAME), warnings);
        long maxBytes = maxBytes(value(properties, MAX_BYTES), warnings);
        int files = files(value(properties, FILES), warnings);
        LogLevel level = level(value(properties, LEVEL), warnings);
        boolean console = console(value(properties, CONSOLE), warnings);
        return new LogSinkSettings(directory, fileName, maxBytes, files, level, console, warnings);
    }

    /** @return whether entries are written to a file */
    boolean fileOutput() {
        return directory != null;
    }

    private static String value(Function<String, String> properties, String key) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? null : value;
    }

    private static Path directory(String value, List<String> warnings) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            warnings.add(ignored(DIRECTORY, value, "a directory path", "no file output"));
            return null;
        }
    }

    private static String fileName(String value, List<String> warnings) {
        if (value == null) {
            return DEFAULT_FILE_NAME;
        }
        String name = value.strip();
        if (RotatingLogFile.isPlainFileName(name)) {
            return name;
        }
        warnings.add(ignored(FILE_NAME, value, "a plain file name without a directory part",
                DEFAULT_FILE_NAME));
        return DEFAULT_FILE_NAME;
    }

    private static long maxBytes(String value, List<String> warnings) {
        if (value == null) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long bytes = Long.parseLong(value.strip());
            if (bytes >= MIN_MAX_BYTES) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        warnings.add(ignored(MAX_BYTES, value, "a whole number of bytes, at least " + MIN_MAX_BYTES,
                Long.toString(DEFAULT_MAX_BYTES)));
        return DEFAULT_MAX_BYTES;
    }

    private static int files(String value, List<String> warnings) {
        if (value == null) {
            return DEFAULT_FILES;
        }
        try {
            int files = Integer.parseInt(value.strip());
            if (files >= 1 && files <= MAX_FILES) {
                return files;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        warnings.add(ignored(FILES, value, "a whole number from 1 to " + MAX_FILES,
                Integer.toString(DEFAULT_FILES)));
        return DEFAULT_FILES;
    }

    private static LogLevel level(String value, List<String> warnings) {
        if (value == null) {
            return DEFAULT_LEVEL;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (LogLevel level : LogLevel.values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        warnings.add(ignored(LEVEL, value, "one of ERROR, WARN, INFO, DEBUG, TRACE, AUDIT",
                DEFAULT_LEVEL.name()));
        return DEFAULT_LEVEL;
    }

    private static boolean console(String value, List<String> warnings) {
        if (value == null) {
            return DEFAULT_CONSOLE;
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        warnings.add(ignored(CONSOLE, value, "true or false", Boolean.toString(DEFAULT_CONSOLE)));
        return DEFAULT_CONSOLE;
    }

    private static String ignored(String key, String value, String expected, String instead) {
        String quoted = value.length() <= QUOTED_VALUE_CHARS
                ? value
                : value.substring(0, QUOTED_VALUE_CHARS) + "...";
        return "ignoring " + key + "=\"" + quoted + "\": expected " + expected + "; using " + instead;
    }
}
