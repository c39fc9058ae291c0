package org.redoubt.bench.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AppCDS archives of both sides, made by one untimed training run each.
 *
 * <p>Production: {@code bin/redoubt} with {@code REDOUBT_APPCDS=1} and its own
 * {@code REDOUBT_CDS_DIR}; the script records the archive when that run exits. Baseline: the same
 * boot with {@code -XX:ArchiveClassesAtExit}. Both record the classes the training run loaded: the
 * launcher's and the framework's, and on JDK 17 also most bundle classes that Felix's class loaders
 * defined (check with {@code -Xlog:class+load}: "source: shared objects file (top)").
 * A JVM silently ignores an archive that does not fit its class path, so each archive is then
 * mapped once with {@code -Xshare:on}, which fails instead, and the production folder is checked
 * again after the timed runs: had the script thrown the archive away, those runs would have been
 * training runs.
 *
 * @param productionDir     the production side's {@code REDOUBT_CDS_DIR}
 * @param productionArchive the archive the script wrote there
 * @param baselineArchive   the baseline's archive
 */
record AppCdsArchives(Path productionDir, Path productionArchive, Path baselineArchive) {

    /**
     * @param commands the command lines
     * @param probe    runs them
     * @param work     the benchmark's directory
     * @param progress where to say what is happening
     * @return the archives, checked
     * @throws BenchFailure when a training run fails or an archive is missing or does not map
     * @throws IOException on file trouble
     * @throws InterruptedException when the harness is interrupted
     */
    static AppCdsArchives train(BootCommands commands, BootProbe probe, Path work, PrintStream progress)
            throws BenchFailure, IOException, InterruptedException {
        Path productionDir = Files.createDirectories(work.resolve("cds").resolve("production"));
        Path baselineArchive = Files.createDirectories(work.resolve("cds").resolve("baseline")).resolve("baseline.jsa");
        Path logs = work.resolve("logs");

        progress.println("bench: AppCDS training run, production (REDOUBT_CDS_DIR=" + productionDir + ")");
        probe.run(Series.PRODUCTION_COLD_CDS, 0, commands.production(work.resolve("data").resolve("cds-training"),
                Optional.of(productionDir)), logs.resolve("cds-training-production.stderr"));
        Path productionArchive = onlyArchive(productionDir);
        requireMaps(probe, commands.productionArchiveCheck(productionArchive), logs.resolve("cds-check-production.txt"));

        progress.println("bench: AppCDS training run, baseline (" + baselineArchive + ")");
        probe.run(Series.BASELINE_CDS, 0, commands.baseline(work.resolve("storage").resolve("cds-training"),
                List.of("-XX:ArchiveClassesAtExit=" + baselineArchive)), logs.resolve("cds-training-baseline.stderr"));
        if (!Files.isRegularFile(baselineArchive) || Files.size(baselineArchive) == 0) {
            throw new BenchFailure("the baseline's training run wrote no archive " + baselineArchive);
        }
        requireMaps(probe, commands.baselineArchiveCheck(baselineArchive), logs.resolve("cds-check-baseline.txt"));
        return new AppCdsArchives(productionDir, productionArchive, baselineArchive);
    }

    /** @return the flags the baseline's timed runs map its archive with (as bin/redoubt does) */
    List<String> baselineFlags() {
        return List.of("-XX:SharedArchiveFile=" + baselineArchive, "-Xshare:auto");
    }

    /**
     * @throws BenchFailure when the script replaced the archive during the timed runs
     * @throws IOException when the folder cannot be listed
     */
    void requireUnchanged() throws BenchFailure, IOException {
        if (!onlyArchive(productionDir).equals(productionArchive)) {
            throw new BenchFailure("bin/redoubt replaced its AppCDS archive during the timed runs: the +cds series"
                    + " measured training runs; see " + productionDir);
        }
    }

    /** @return the sizes of both archives, for the report */
    String describe() throws IOException {
        return "production " + productionArchive.getFileName() + " " + Files.size(productionArchive) / 1024
                + " KiB, baseline " + Files.size(baselineArchive) / 1024 + " KiB";
    }

    private static Path onlyArchive(Path dir) throws BenchFailure, IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
            if (archives.size() != 1 || Files.size(archives.get(0)) == 0) {
                throw new BenchFailure("expected one non-empty AppCDS archive in " + dir + ", found " + archives
                        + " (does bin/redoubt still honour REDOUBT_APPCDS and REDOUBT_CDS_DIR?)");
            }
            return archives.get(0);
        }
    }

    private static void requireMaps(BootProbe probe, List<String> command, Path output)
            throws BenchFailure, IOException, InterruptedException {
        int exit = probe.check(command, output);
        if (exit != 0) {
            throw new BenchFailure("the AppCDS archive does not map with -Xshare:on (exit " + exit + "): "
                    + String.join(" ", command) + "\n" + BootProbe.tail(output));
        }
    }
}
