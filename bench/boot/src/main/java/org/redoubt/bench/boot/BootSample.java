package org.redoubt.bench.boot;

/**
 * One timed boot.
 *
 * @param series      what was booted
 * @param round       the round, from 1
 * @param wallMillis  from just before the process was spawned until its marker line was read
 * @param readyMillis the runtime's own {@code millis} field of {@code REDOUBT READY} (time since
 *                    {@code main}), or -1 for the baseline
 * @param hwmKiB      {@code VmHWM} of the JVM, read after the marker line and the settle time
 * @param rssKiB      {@code VmRSS} at the same moment
 * @param cpuAtLine   user + system CPU time of the JVM (all threads: JIT, GC, ...) when the marker
 *                    line was read, 10 ms resolution
 * @param cpuMillis   the same at the end of the settle time; the difference is what it burns idle
 * @param exitCode    the exit code after SIGTERM
 * @param stopMillis  from SIGTERM to the process's exit
 */
record BootSample(Series series, int round, double wallMillis, long readyMillis, long hwmKiB, long rssKiB,
        long cpuAtLine, long cpuMillis, int exitCode, double stopMillis) {

    static final String CSV_HEADER = "series,round,wall_ms,ready_millis,vmhwm_kib,vmrss_kib,cpu_at_line_ms,cpu_after_settle_ms,exit,stop_ms";

    /** @return the share of one CPU the JVM used during the settle time, in percent */
    double settleCpuPercent(long settleMillis) {
        return settleMillis == 0 ? 0 : 100.0 * (cpuMillis - cpuAtLine) / settleMillis;
    }

    String csv() {
        return String.format(java.util.Locale.ROOT, "%s,%d,%.1f,%d,%d,%d,%d,%d,%d,%.1f", series.label(), round,
                wallMillis, readyMillis, hwmKiB, rssKiB, cpuAtLine, cpuMillis, exitCode, stopMillis);
    }
}
