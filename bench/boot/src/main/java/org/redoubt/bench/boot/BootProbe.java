package org.redoubt.bench.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one boot and measures it:
 * <ol>
 * <li>the clock starts just before the process is spawned and stops when its marker line has been
 * read from its standard output (a pipe; both sides print the line with {@code println}, which
 * flushes);</li>
 * <li>after the settle time, {@code VmHWM} and {@code VmRSS} are read from {@code /proc/PID/status}
 * of the still running JVM ({@code bin/redoubt} execs {@code java}, so PID is the JVM; checked),
 * and its CPU time so far;</li>
 * <li>then SIGTERM, and the exit code and the time to exit are recorded.</li>
 * </ol>
 * Standard error goes to a file per run.
 */
final class BootProbe implements AutoCloseable {

    /** Variables that would change the JVM's flags or the script's behaviour behind our back. */
    private static final List<String> CLEARED = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final Pattern MILLIS = Pattern.compile("\"millis\":(\\d+)");

    private final Duration settle;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    BootProbe(Duration settle, Duration timeout) {
        this.settle = settle;
        this.timeout = timeout;
    }

    /**
     * @param series what is booted
     * @param round  the round, from 1 (0 or less for untimed runs)
     * @param launch how
     * @param stderr where the process's standard error goes
     * @return the measurements
     * @throws BenchFailure when the process ends, or the timeout passes, before the marker line
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when the harness is interrupted
     */
    BootSample run(Series series, int round, Launch launch, Path stderr)
            throws BenchFailure, IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        CLEARED.forEach(environment::remove);
        environment.keySet().removeIf(name -> name.startsWith("REDOUBT_"));
        environment.putAll(launch.environment());

        long spawned = System.nanoTime();
        Process process = builder.start();
        ScheduledFuture<?> kill = watchdog.schedule(process::destroyForcibly, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            process.getOutputStream().close();
            List<String> before = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(launch.marker())) {
                before.add(line);
            }
            long marked = System.nanoTime();
            long cpuAtLine = cpuMillis(process);
            if (line == null) {
                boolean exited = process.waitFor(5, TimeUnit.SECONDS);
                throw new BenchFailure(series.label() + " run " + round + " ended without '" + launch.marker().trim()
                        + "' (" + (exited ? "exit " + process.exitValue() : "no exit") + ", timeout "
                        + timeout.toSeconds() + " s)\n  stdout: " + before + "\n  stderr " + stderr + ":\n"
                        + tail(stderr));
            }
            Thread.sleep(settle.toMillis());
            ProcessStatus status = ProcessStatus.read(process.pid());
            long cpuMillis = cpuMillis(process);
            if (!status.name().equals("java")) {
                throw new BenchFailure("process " + process.pid() + " of " + series.label() + " is '" + status.name()
                        + "', not the JVM: bin/redoubt must exec java for VmHWM to mean anything");
            }
            long terminated = System.nanoTime();
            process.destroy(); // SIGTERM
            drain(out);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BenchFailure(series.label() + " run " + round + " did not stop after SIGTERM");
            }
            long stopped = System.nanoTime();
            Matcher millis = MILLIS.matcher(line);
            return new BootSample(series, round, (marked - spawned) / 1e6, millis.find() ? Long.parseLong(millis.group(1)) : -1,
                    status.hwmKiB(), status.rssKiB(), cpuAtLine, cpuMillis, process.exitValue(), (stopped - terminated) / 1e6);
        } finally {
            kill.cancel(false);
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Runs a short command to its end, for the AppCDS checks.
     *
     * @param command the command
     * @param output  where its standard output and error go
     * @return its exit code
     * @throws IOException when it cannot be started
     * @throws InterruptedException when the harness is interrupted
     * @throws BenchFailure when it does not end within the timeout
     */
    int check(List<String> command, Path output) throws IOException, InterruptedException, BenchFailure {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        CLEARED.forEach(builder.environment()::remove);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new BenchFailure("check did not end: " + command);
        }
        return process.exitValue();
    }

    private static long cpuMillis(Process process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** Reads what the stopping process still prints (REDOUBT STOPPED), so that it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded
            }
        } catch (IOException closedByExit) {
            // The JDK's process reaper closes the pipe when the process exits: nothing more to read.
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "    (unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
