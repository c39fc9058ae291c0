package org.redoubt.bench.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The boot benchmark's harness: boots production and the bare-Felix baseline in alternating rounds,
 * then prints the table, the acceptance check and a {@code BENCH SUMMARY} line on standard
 * output (progress goes to standard error). {@code bench/README.md} describes what is measured.
 *
 * <p>Exit codes: 0 measured (whatever the verdict), 1 the benchmark failed, 2 bad command line.
 */
public final class BootBench {

    /** Marks a work directory as the bench's own, so that emptying it can never hit anything else. */
    private static final String WORK_MARK = ".boot-bench";

    private final BenchOptions options;
    private final PrintStream progress;

    private BootBench(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** @param args see {@link BenchOptions#USAGE} */
    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new BootBench(options, System.err).run(System.out);
        } catch (BenchFailure | IOException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            System.err.println("bench: interrupted");
            System.exit(1);
        }
    }

    private void run(PrintStream out) throws BenchFailure, IOException, InterruptedException {
        Path work = emptyWorkDirectory(options.work());
        BootCommands commands = BootCommands.create(options, System.getenv());
        String loadBefore = loadAverage();
        Measured measured = measure(commands, work);

        BenchReport report = new BenchReport(measured.samples(), options.settle().toMillis());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream both = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            both.println("Redoubt boot benchmark, " + Instant.now() + ": " + options.runs() + " rounds (+" + options.warmup()
                    + " warm-up), settle " + options.settle().toMillis() + " ms, " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, load average before " + loadBefore + ", after " + loadAverage());
            both.println("java: " + commands.java() + " = " + commands.javaBinary() + " (" + javaVersion(commands) + ")");
            both.println("JVM flags, both sides (" + (commands.flagsOverridden() ? "--java-opts" : "bin/redoubt default_opts")
                    + "): " + String.join(" ", commands.jvmFlags()));
            measured.archives().ifPresent(archives -> both.println("AppCDS archives: " + archives));
            report.printTable(both);
            boolean pass = report.printAcceptance(both, commands.flagsOverridden());
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("time", Instant.now().toString());
            context.put("runs", options.runs());
            context.put("settleMillis", options.settle().toMillis());
            context.put("appcds", options.appCds());
            context.put("javaOpts", String.join(" ", commands.jvmFlags()));
            context.put("flagsOverridden", commands.flagsOverridden());
            both.println(report.summaryLine(context, pass));
        }
        out.print(text.toString(StandardCharsets.UTF_8));
        Files.write(work.resolve("report.txt"), text.toByteArray());
        Files.write(work.resolve("runs.csv"), report.csv());
        progress.println("bench: report in " + work.resolve("report.txt") + ", every run in " + work.resolve("runs.csv")
                + ", stderr of each run in " + work.resolve("logs"));
    }

    /** The timed samples, and a description of the AppCDS archives when there were any. */
    private record Measured(List<BootSample> samples, Optional<String> archives) {
    }

    private Measured measure(BootCommands commands, Path work) throws BenchFailure, IOException, InterruptedException {
        List<BootSample> samples = new ArrayList<>();
        try (BootProbe probe = new BootProbe(options.settle(), options.timeout())) {
            Optional<AppCdsArchives> cds = options.appCds()
                    ? Optional.of(AppCdsArchives.train(commands, probe, work, progress))
                    : Optional.empty();
            List<List<Series>> units = units(options.appCds());
            for (int round = 1 - options.warmup(); round <= options.runs(); round++) {
                int first = Math.floorMod(round, units.size());
                for (int i = 0; i < units.size(); i++) {
                    for (Series series : units.get((first + i) % units.size())) {
                        BootSample sample = runOnce(probe, commands, cds, series, round);
                        if (round >= 1) {
                            samples.add(sample);
                        }
                    }
                }
            }
            if (cds.isPresent()) {
                cds.get().requireUnchanged();
                return new Measured(samples, Optional.of(cds.get().describe()));
            }
            return new Measured(samples, Optional.empty());
        }
    }

    /** Cold and warm run back to back on one data directory; units rotate from round to round. */
    private static List<List<Series>> units(boolean appCds) {
        List<List<Series>> units = new ArrayList<>(List.of(
                List.of(Series.PRODUCTION_COLD, Series.PRODUCTION_WARM), List.of(Series.BASELINE)));
        if (appCds) {
            units.add(List.of(Series.PRODUCTION_COLD_CDS, Series.PRODUCTION_WARM_CDS));
            units.add(List.of(Series.BASELINE_CDS));
        }
        return units;
    }

    private BootSample runOnce(BootProbe probe, BootCommands commands, Optional<AppCdsArchives> cds, Series series,
            int round) throws BenchFailure, IOException, InterruptedException {
        Thread.sleep(options.pause().toMillis());
        String prefix = round >= 1 ? String.format(Locale.ROOT, "r%02d", round) : "warmup" + (1 - round);
        // The warm run boots the data directory its round's cold run provisioned.
        String directory = prefix + (series.production() ? "-production" : "-baseline") + (series.appCds() ? "-cds" : "");
        Path work = options.work();
        Optional<AppCdsArchives> archives = cds.filter(c -> series.appCds());
        Launch launch = series.production()
                ? commands.production(work.resolve("data").resolve(directory), archives.map(AppCdsArchives::productionDir))
                : commands.baseline(work.resolve("storage").resolve(directory),
                        archives.map(AppCdsArchives::baselineFlags).orElse(List.of()));
        BootSample sample = probe.run(series, round, launch,
                work.resolve("logs").resolve(prefix + "-" + series.label().replace('+', '-') + ".stderr"));
        progress.println(String.format(Locale.ROOT, "bench: %-8s %-20s %7.1f ms  HWM %6.1f MiB%s",
                round >= 1 ? "round " + round : "warm-up", series.label(), sample.wallMillis(), sample.hwmKiB() / 1024.0,
                sample.readyMillis() >= 0 ? "  (READY millis " + sample.readyMillis() + ")" : ""));
        return sample;
    }

    private static Path emptyWorkDirectory(Path work) throws BenchFailure, IOException {
        if (Files.exists(work)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(work)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(work.resolve(WORK_MARK))) {
                throw new BenchFailure(work + " is not empty and not a boot bench directory; choose another --work");
            }
            try (Stream<Path> entries = Files.walk(work)) {
                for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(entry);
                }
            }
        }
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("data"));
        Files.createDirectories(work.resolve("storage"));
        Files.createFile(work.resolve(WORK_MARK));
        return work;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private String javaVersion(BootCommands commands) throws IOException, InterruptedException, BenchFailure {
        Path output = options.work().resolve("logs").resolve("java-version.txt");
        try (BootProbe probe = new BootProbe(options.settle(), options.timeout())) {
            probe.check(List.of(commands.java(), "-version"), output);
        }
        List<String> lines = Files.readAllLines(output);
        return lines.isEmpty() ? "unknown" : lines.get(0);
    }
}
