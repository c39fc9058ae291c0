package org.redoubt.bench.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runtime start to first frame: starts the production distribution's {@code bin/redoubt} with a
 * fresh data directory and times until the display driver's headless backend has written the
 * shell's first frame ({@code <data>/screen/screen.png}). Baseline, in alternating rounds of the same
 * run: a JVM with the same flags that draws and writes one frame ({@link FirstFrameBaseline}).
 *
 * <p>Usage: {@code FirstFrameBench <distribution> <work> <java-flags> [rounds]}.
 */
public final class FirstFrameBench {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private FirstFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]);
        Path work = Path.of(args[1]);
        List<String> flags = Arrays.stream(args[2].trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        long[] runtime = new long[rounds];
        long[] baseline = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Path data = work.resolve("runtime-" + i);
            runtime[i] = firstFrame(List.of(distribution.resolve("bin/redoubt").toString(), "--data", data.toString()),
                    data.resolve("screen/screen.png"));
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(flags);
            command.addAll(List.of("-Djava.awt.headless=true", "-cp", classPath, FirstFrameBaseline.class.getName(),
                    work.resolve("baseline-" + i + ".png").toString()));
            baseline[i] = firstFrame(command, work.resolve("baseline-" + i + ".png"));
            System.err.printf(Locale.ROOT, "round %d: runtime %d ms, baseline %d ms%n", i + 1, runtime[i] / 1_000_000,
                    baseline[i] / 1_000_000);
        }
        Arrays.sort(runtime);
        Arrays.sort(baseline);
        long runtimeMedian = runtime[rounds / 2];
        long baselineMedian = baseline[rounds / 2];
        System.out.printf(Locale.ROOT, "rounds: %d%n", rounds);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "series", "median ms", "max ms");
        System.out.printf(Locale.ROOT, "%-44s %10d %10d%n", "baseline: JVM draws and writes a frame",
                baselineMedian / 1_000_000, baseline[rounds - 1] / 1_000_000);
        System.out.printf(Locale.ROOT, "%-44s %10d %10d%n", "runtime: start to the shell's first frame",
                runtimeMedian / 1_000_000, runtime[rounds - 1] / 1_000_000);
        System.out.printf(Locale.ROOT, "ratio runtime / baseline: %.2fx%n", runtimeMedian / (double) baselineMedian);
    }

    /** @return nanoseconds from starting {@code command} until {@code frame} exists; the process is then stopped */
    private static long firstFrame(List<String> command, Path frame) throws IOException, InterruptedException {
        Files.createDirectories(frame.getParent());
        Files.deleteIfExists(frame);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!Files.exists(frame)) {
                if (System.nanoTime() - start > TIMEOUT_NANOS) {
                    throw new IllegalStateException("no frame from " + command + " within 60 s");
                }
                if (!process.isAlive() && !Files.exists(frame)) {
                    throw new IllegalStateException(command + " ended with " + process.exitValue() + " before a frame");
                }
                Thread.sleep(2);
            }
            return System.nanoTime() - start;
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
