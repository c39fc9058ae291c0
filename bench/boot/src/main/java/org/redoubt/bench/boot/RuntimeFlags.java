package org.redoubt.bench.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's documented JVM flags, read from the {@code default_opts="..."} assignment of the
 * distribution's {@code bin/redoubt}, so the baseline always runs with exactly what production runs
 * with and the two cannot drift apart.
 */
final class RuntimeFlags {

    private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^default_opts=\"([^\"]*)\"");

    private RuntimeFlags() {
    }

    /**
     * @param script the distribution's {@code bin/redoubt}
     * @return the flags, split into words as the script's unquoted {@code $opts} is
     * @throws BenchFailure when the script cannot be read or has no such assignment
     */
    static List<String> defaults(Path script) throws BenchFailure {
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new BenchFailure("cannot read " + script + ": " + e, e);
        }
        Matcher matcher = DEFAULT_OPTS.matcher(text);
        if (!matcher.find()) {
            throw new BenchFailure("no default_opts=\"...\" line in " + script
                    + ": the bench reads the runtime's JVM flags from it (see bench/README.md)");
        }
        // Inside double quotes, sh drops a backslash-newline pair.
        return split(matcher.group(1).replace("\\\n", ""));
    }

    /**
     * @param flags a flag string as {@code REDOUBT_JAVA_OPTS} takes it
     * @return its words
     */
    static List<String> split(String flags) {
        String trimmed = flags.trim();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }
}
