package org.redoubt.bench.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The harness's command line; {@code bench/boot.sh} fills in the paths.
 *
 * @param runs         timed rounds; each round boots every series once
 * @param warmup       untimed rounds before them
 * @param appCds       whether the AppCDS series run too
 * @param settle       wait between the marker line and reading the process status
 * @param timeout      longest a single run may take before the benchmark gives up
 * @param pause        pause between two runs
 * @param distribution the production distribution (bin/redoubt, lib/, release/)
 * @param baseline     the baseline's files (framework/, bundles/, app/)
 * @param work         the benchmark's own directory, emptied at the start
 * @param javaOpts     JVM flags replacing bin/redoubt's defaults for every series, if given
 */
record BenchOptions(int runs, int warmup, boolean appCds, Duration settle, Duration timeout, Duration pause,
        Path distribution, Path baseline, Path work, Optional<String> javaOpts) {

    static final String USAGE = String.join("\n",
            "usage: bench/boot.sh [--runs N] [--warmup N] [--appcds] [--settle-ms MS] [--pause-ms MS]",
            "                     [--timeout-s S] [--java-opts 'FLAGS'] [--work DIR] [--build]",
            "",
            "  --runs N          timed rounds, each boots every series once (default 11)",
            "  --warmup N        untimed rounds first (default 1)",
            "  --appcds          also run production with REDOUBT_APPCDS=1 and the baseline with an",
            "                    AppCDS archive of its class path (one untimed training run each)",
            "  --settle-ms MS    wait after the marker line before reading VmHWM (default 500)",
            "  --pause-ms MS     pause between runs (default 200)",
            "  --timeout-s S     give up on a run after S seconds (default 60)",
            "  --java-opts FLAGS replace bin/redoubt's default JVM flags, for both sides (experiments)",
            "  --work DIR        scratch directory, emptied first (default bench/boot/target/boot-bench)",
            "  --build           run 'mvn -B -q package -DskipTests' first (boot.sh only)");

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException on bad input, with a message for the user
     */
    static BenchOptions parse(String[] args) {
        int runs = 11;
        int warmup = 1;
        boolean appCds = false;
        long settle = 500;
        long pause = 200;
        long timeout = 60;
        Path distribution = null;
        Path baseline = null;
        Path work = null;
        String javaOpts = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--runs" -> runs = (int) number(option, rest, 1, 10_000);
                case "--warmup" -> warmup = (int) number(option, rest, 0, 100);
                case "--appcds" -> appCds = true;
                case "--settle-ms" -> settle = number(option, rest, 0, 60_000);
                case "--pause-ms" -> pause = number(option, rest, 0, 60_000);
                case "--timeout-s" -> timeout = number(option, rest, 1, 3_600);
                case "--java-opts" -> javaOpts = value(option, rest);
                case "--dist" -> distribution = Path.of(value(option, rest));
                case "--baseline" -> baseline = Path.of(value(option, rest));
                case "--work" -> work = Path.of(value(option, rest));
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (distribution == null || baseline == null || work == null) {
            throw new IllegalArgumentException("--dist, --baseline and --work are required (bench/boot.sh passes them)");
        }
        return new BenchOptions(runs, warmup, appCds, Duration.ofMillis(settle), Duration.ofSeconds(timeout),
                Duration.ofMillis(pause), distribution.toAbsolutePath().normalize(),
                baseline.toAbsolutePath().normalize(), work.toAbsolutePath().normalize(),
                Optional.ofNullable(javaOpts).map(String::trim));
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static long number(String option, List<String> rest, long min, long max) {
        String text = value(option, rest);
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", got '" + text + "'");
    }
}
