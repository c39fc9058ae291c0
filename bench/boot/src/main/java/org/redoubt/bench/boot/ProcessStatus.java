package org.redoubt.bench.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fields of {@code /proc/PID/status} the benchmark uses.
 *
 * @param name   the executable's name ({@code Name:})
 * @param hwmKiB peak resident set so far ({@code VmHWM:})
 * @param rssKiB current resident set ({@code VmRSS:})
 */
record ProcessStatus(String name, long hwmKiB, long rssKiB) {

    /**
     * @param pid a running process
     * @return its status
     * @throws BenchFailure when the file cannot be read (process gone, or not Linux)
     */
    static ProcessStatus read(long pid) throws BenchFailure {
        String name = null;
        long hwm = -1;
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Name:")) {
                    name = line.substring(5).trim();
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BenchFailure("cannot read /proc/" + pid + "/status (has the process died?): " + e, e);
        }
        if (name == null || hwm < 0 || rss < 0) {
            throw new BenchFailure("/proc/" + pid + "/status lacks Name, VmHWM or VmRSS");
        }
        return new ProcessStatus(name, hwm, rss);
    }

    private static long kib(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        if (!value.endsWith(" kB")) {
            throw new IllegalArgumentException("unexpected unit in '" + line + "'");
        }
        return Long.parseLong(value.substring(0, value.length() - 3).trim());
    }
}
