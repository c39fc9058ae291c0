package org.redoubt.bench.boot;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The result table, the acceptance check and the machine-readable summary line.
 *
 * <p>Ratios are medians divided by the median of the baseline with the same AppCDS setting;
 * "paired" is the median of the per-round ratios, which is less sensitive to load that comes and
 * goes during the benchmark.
 */
final class BenchReport {

    /** The issue: production readiness median at most this multiple of the baseline's. */
    static final double MAX_RATIO = 1.5;
    /** The issue: peak RSS at most this many MiB with the documented flags. */
    static final double MAX_RSS_MIB = 96;

    private final Map<Series, List<BootSample>> samples = new EnumMap<>(Series.class);
    private final long settleMillis;

    /**
     * @param all          every timed sample
     * @param settleMillis the settle time, for the idle CPU share
     */
    BenchReport(List<BootSample> all, long settleMillis) {
        this.settleMillis = settleMillis;
        for (BootSample sample : all) {
            samples.computeIfAbsent(sample.series(), s -> new ArrayList<>()).add(sample);
        }
    }

    /** Prints one row per series. */
    void printTable(PrintStream out) {
        out.println("series                n  median     p90     min     max  ratio  paired  in-JVM  CPU@line  idle  HWM med  HWM max");
        out.println("                          ms      ms      ms      ms  (x base)      ms(med)   ms(med) CPU%       MiB      MiB");
        for (Series series : samples.keySet()) {
            Summary wall = wall(series);
            boolean reference = series.reference() == series;
            String ready = series.production() ? String.format(Locale.ROOT, "%7.0f", ready(series).median()) : "      -";
            out.println(String.format(Locale.ROOT, "%-20s %2d %7.1f %7.1f %7.1f %7.1f  %5s  %6s %s  %8.0f  %4.0f  %7.1f  %7.1f",
                    series.label(), wall.n(), wall.median(), wall.p90(), wall.min(), wall.max(),
                    reference ? "-" : format(ratio(series)), reference ? "-" : format(pairedRatio(series)), ready,
                    summary(series, BootSample::cpuAtLine).median(),
                    summary(series, sample -> sample.settleCpuPercent(settleMillis)).median(),
                    hwm(series).median(), hwm(series).max()));
        }
        List<String> effects = new ArrayList<>();
        for (Series series : samples.keySet()) {
            if (series.appCds() && samples.containsKey(series.withoutAppCds())) {
                effects.add(series.withoutAppCds().label() + " " + format(wall(series).median()
                        / wall(series.withoutAppCds()).median()) + " x (" + format(hwm(series).median()
                        / hwm(series.withoutAppCds()).median()) + " x HWM)");
            }
        }
        if (!effects.isEmpty()) {
            out.println("AppCDS effect, median with / without: " + String.join(", ", effects));
        }
        int unclean = 0;
        for (List<BootSample> list : samples.values()) {
            unclean += (int) list.stream().filter(s -> s.series().production() ? s.exitCode() != 0
                    : s.exitCode() != 0 && s.exitCode() != 143).count();
        }
        if (unclean > 0) {
            out.println("WARNING: " + unclean + " runs did not exit cleanly after SIGTERM (see runs.csv)");
        }
    }

    /**
     * Prints the acceptance for the documented flags.
     *
     * @param flagsOverridden whether {@code --java-opts} replaced them (then the check is informative only)
     * @return whether every check passed
     */
    boolean printAcceptance(PrintStream out, boolean flagsOverridden) {
        out.println("acceptance (issue): production readiness median <= " + MAX_RATIO + " x baseline; peak RSS <= "
                + (int) MAX_RSS_MIB + " MiB" + (flagsOverridden ? "  [--java-opts given: not the documented flags]" : ""));
        boolean pass = true;
        double peak = 0;
        for (Series series : List.of(Series.PRODUCTION_COLD, Series.PRODUCTION_WARM)) {
            double ratio = ratio(series);
            pass &= ratio <= MAX_RATIO;
            peak = Math.max(peak, hwm(series).max());
            out.println(String.format(Locale.ROOT, "  %-20s %5.2f x baseline  %s", series.label(), ratio,
                    ratio <= MAX_RATIO ? "PASS" : "FAIL"));
        }
        pass &= peak <= MAX_RSS_MIB;
        out.println(String.format(Locale.ROOT, "  %-20s %5.1f MiB (max VmHWM of all production runs)  %s", "peak RSS",
                peak, peak <= MAX_RSS_MIB ? "PASS" : "FAIL"));
        return pass;
    }

    /** @return {@code BENCH SUMMARY {json}}, one line */
    String summaryLine(Map<String, Object> context, boolean pass) {
        StringBuilder json = new StringBuilder("{");
        context.forEach((key, value) -> json.append(quote(key)).append(':')
                .append(value instanceof String text ? quote(text) : String.valueOf(value)).append(','));
        json.append("\"series\":{");
        String separator = "";
        for (Series series : samples.keySet()) {
            Summary wall = wall(series);
            json.append(separator).append(quote(series.label())).append(":{")
                    .append(String.format(Locale.ROOT, "\"n\":%d,\"medianMs\":%.1f,\"p90Ms\":%.1f,\"minMs\":%.1f,\"maxMs\":%.1f,"
                            + "\"hwmMedianMiB\":%.1f,\"hwmMaxMiB\":%.1f,\"cpuAtLineMedianMs\":%.0f,"
                            + "\"idleCpuPercentMedian\":%.0f", wall.n(), wall.median(), wall.p90(), wall.min(), wall.max(),
                            hwm(series).median(), hwm(series).max(), summary(series, BootSample::cpuAtLine).median(),
                            summary(series, sample -> sample.settleCpuPercent(settleMillis)).median()));
            if (series.production()) {
                json.append(String.format(Locale.ROOT, ",\"readyMillisMedian\":%.0f", ready(series).median()));
            }
            if (series.reference() != series) {
                json.append(String.format(Locale.ROOT, ",\"ratio\":%.3f,\"pairedRatio\":%.3f", ratio(series),
                        pairedRatio(series)));
            }
            json.append('}');
            separator = ",";
        }
        json.append("},\"pass\":").append(pass).append('}');
        return "BENCH SUMMARY " + json;
    }

    /** @return every sample as CSV lines, header first */
    List<String> csv() {
        List<String> lines = new ArrayList<>(List.of(BootSample.CSV_HEADER));
        samples.values().forEach(list -> list.forEach(sample -> lines.add(sample.csv())));
        return lines;
    }

    private double ratio(Series series) {
        return wall(series).median() / wall(series.reference()).median();
    }

    private double pairedRatio(Series series) {
        List<Double> ratios = new ArrayList<>();
        for (BootSample sample : samples.get(series)) {
            samples.getOrDefault(series.reference(), List.of()).stream()
                    .filter(reference -> reference.round() == sample.round())
                    .findFirst()
                    .ifPresent(reference -> ratios.add(sample.wallMillis() / reference.wallMillis()));
        }
        return ratios.isEmpty() ? Double.NaN : Summary.of(ratios).median();
    }

    private Summary wall(Series series) {
        return summary(series, BootSample::wallMillis);
    }

    private Summary hwm(Series series) {
        return summary(series, sample -> sample.hwmKiB() / 1024.0);
    }

    private Summary ready(Series series) {
        return summary(series, BootSample::readyMillis);
    }

    private Summary summary(Series series, ToDoubleFunction<BootSample> value) {
        List<Double> values = new ArrayList<>();
        samples.getOrDefault(series, List.of()).forEach(sample -> values.add(value.applyAsDouble(sample)));
        return Summary.of(values);
    }

    private static String format(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
