package org.redoubt.log.sink.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

/**
 * Turns a log entry into one line of text:
 *
 * <pre>
 * 2026-01-01T08:15:30.042Z WARN  org.redoubt.health readiness late | exception: java.io.IOException: x | cause: java.lang.IllegalStateException: y
 * </pre>
 *
 * <p>Fields are separated by one space: the time in ISO-8601 UTC with milliseconds, the level
 * padded to five characters, the source (the logger name, else the bundle symbolic name, with
 * white space replaced by {@code _}), then the message. A throwable follows as
 * {@code | exception: Class: message} and each cause as {@code | cause: Class: message}; no stack
 * frames.
 *
 * <p>Nothing from the entry can break the line: line breaks, tabs, other control and invisible
 * formatting characters (bidirectional overrides, zero-width characters) are escaped as
 * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, and a backslash as {@code \\}.
 * Messages longer than {@link #MAX_MESSAGE_CHARS} are cut, and at most {@link #MAX_CAUSES} causes
 * are shown.
 *
 * <p>Stateless and thread-safe.
 */
final class LogLineFormat {

    /** Characters of a message (or throwable message) kept; the rest is counted, not written. */
    static final int MAX_MESSAGE_CHARS = 4096;
    /** Causes shown after the throwable itself. */
    static final int MAX_CAUSES = 8;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String ABSENT = "-";

    /**
     * @param entry an entry from the Log Service
     * @return the entry's line, without a line terminator
     */
    String format(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String source = source(entry.getLoggerName(), bundle == null ? null : bundle.getSymbolicName());
        return format(entry.getTime(), levelOf(entry), source, entry.getMessage(), entry.getException());
    }

    /**
     * @param epochMillis the time of the event
     * @param level       its level
     * @param source      who logged it; {@code null} or blank is written as {@code -}
     * @param message     what happened; {@code null} is written as {@code -}
     * @param error       the throwable that goes with it, or {@code null}
     * @return the line, without a line terminator
     */
    String format(long epochMillis, LogLevel level, String source, String message, Throwable error) {
        StringBuilder line = new StringBuilder(96);
        line.append(TIME.format(Instant.ofEpochMilli(epochMillis))).append(' ');
        String name = level.name();
        line.append(name);
        for (int pad = name.length(); pad < 5; pad++) {
            line.append(' ');
        }
        line.append(' ').append(sourceField(source)).append(' ');
        appendEscaped(line, message == null ? ABSENT : clip(message));
        if (error != null) {
            appendThrowables(line, error);
        }
        return line.toString();
    }

    /**
     * The level of an entry; an entry without a {@link LogLevel} is mapped from its legacy
     * {@code int} level (1 error, 2 warning, 3 info, 4 debug, anything else trace).
     *
     * @param entry an entry
     * @return its level, never {@code null}
     */
    @SuppressWarnings("deprecation") // getLevel() is the fallback for a Log Service without LogLevel
    static LogLevel levelOf(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != null) {
            return level;
        }
        return switch (entry.getLevel()) {
            case 1 -> LogLevel.ERROR;
            case 2 -> LogLevel.WARN;
            case 3 -> LogLevel.INFO;
            case 4 -> LogLevel.DEBUG;
            default -> LogLevel.TRACE;
        };
    }

    /**
     * @param loggerName   the entry's logger name, may be {@code null}
     * @param symbolicName the symbolic name of the entry's bundle, may be {@code null}
     * @return the logger name when it is not blank, else the symbolic name, else {@code null}
     */
    static String source(String loggerName, String symbolicName) {
        if (loggerName != null && !loggerName.isBlank()) {
            return loggerName;
        }
        return symbolicName;
    }

    /**
     * @param text any text
     * @return the text with line breaks, control and invisible formatting characters and
     *         backslashes escaped, so that it cannot start a new line or hide what follows
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        appendEscaped(escaped, text);
        return escaped.toString();
    }

    private static String sourceField(String source) {
        if (source == null || source.isBlank()) {
            return ABSENT;
        }
        String escaped = escape(clip(source.strip()));
        StringBuilder field = new StringBuilder(escaped.length());
        escaped.codePoints().forEach(c -> field.appendCodePoint(Character.isWhitespace(c)
                || Character.isSpaceChar(c) ? '_' : c));
        return field.toString();
    }

    private static void appendThrowables(StringBuilder line, Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(error);
        line.append(" | exception: ");
        appendThrowable(line, error);
        int causes = 0;
        for (Throwable cause = error.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            if (causes == MAX_CAUSES) {
                line.append(" | cause: ...");
                return;
            }
            line.append(" | cause: ");
            appendThrowable(line, cause);
            causes++;
        }
    }

    private static void appendThrowable(StringBuilder line, Throwable throwable) {
        line.append(throwable.getClass().getName());
        String message;
        try {
            message = throwable.getMessage();
        } catch (RuntimeException e) {
            message = "(message unavailable: " + e.getClass().getName() + ")";
        }
        if (message != null) {
            line.append(": ");
            appendEscaped(line, clip(message));
        }
    }

    private static String clip(String text) {
        if (text.length() <= MAX_MESSAGE_CHARS) {
            return text;
        }
        int end = MAX_MESSAGE_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + " [+" + (text.length() - end) + " chars]";
    }

    private static void appendEscaped(StringBuilder out, String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int length = Character.charCount(c);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (mustEscape(c)) {
                        for (int unit = i; unit < i + length; unit++) {
                            out.append(String.format(Locale.ROOT, "\\u%04X", (int) text.charAt(unit)));
                        }
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += length;
        }
    }

    private static boolean mustEscape(int c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT || type == Character.SURROGATE;
    }
}
