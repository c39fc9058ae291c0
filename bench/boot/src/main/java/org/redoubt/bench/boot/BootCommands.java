package org.redoubt.bench.boot;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the command lines of both sides. Production runs through the distribution's own
 * {@code bin/redoubt}, exactly as a handset starts it; the baseline runs {@link BaselineLauncher} with
 * the same {@code java} (the script's rule: {@code $JAVA_HOME/bin/java}, else {@code java} on the
 * PATH) and the same JVM flags.
 */
final class BootCommands {

    static final String READY_MARKER = "REDOUBT READY ";
    static final String BASELINE_MARKER = "BASELINE ACTIVATED";

    private final String java;
    private final List<String> jvmFlags;
    private final Optional<String> javaOptsOverride;
    private final Path distribution;
    private final String baselineClassPath;
    private final List<Path> baselineBundles;

    private BootCommands(String java, List<String> jvmFlags, Optional<String> javaOptsOverride, Path distribution,
            String baselineClassPath, List<Path> baselineBundles) {
        this.java = java;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.javaOptsOverride = javaOptsOverride;
        this.distribution = distribution;
        this.baselineClassPath = baselineClassPath;
        this.baselineBundles = List.copyOf(baselineBundles);
    }

    /**
     * @param options     the command line
     * @param environment the harness's environment (for {@code JAVA_HOME})
     * @return the commands
     * @throws BenchFailure when the distribution or the baseline's files are missing
     */
    static BootCommands create(BenchOptions options, Map<String, String> environment) throws BenchFailure {
        Path distribution = realPath(options.distribution(), "production distribution (run the build)");
        Path script = distribution.resolve("bin").resolve("redoubt");
        if (!Files.isExecutable(script)) {
            throw new BenchFailure("no executable " + script + " (run the build)");
        }
        List<String> flags = options.javaOpts().map(RuntimeFlags::split).orElse(null);
        if (flags == null) {
            flags = RuntimeFlags.defaults(script);
        }
        String javaHome = environment.get("JAVA_HOME");
        String java = javaHome != null && !javaHome.isEmpty() ? javaHome + "/bin/java" : "java";

        Path baseline = realPath(options.baseline(), "baseline files (run the build)");
        Path framework = baseline.resolve("framework").resolve("org.apache.felix.framework.jar");
        if (!Files.isRegularFile(framework)) {
            throw new BenchFailure("no " + framework + " (run the build)");
        }
        List<Path> bundles = new ArrayList<>(jars(baseline.resolve("bundles")));
        List<Path> app = jars(baseline.resolve("app"));
        if (bundles.size() != 5 || app.size() != 1) {
            throw new BenchFailure("expected 5 bundles in " + baseline.resolve("bundles") + " and 1 in "
                    + baseline.resolve("app") + ", found " + bundles + " and " + app + " (run the build)");
        }
        bundles.addAll(app);
        String classPath = ownLocation() + File.pathSeparator + framework;
        return new BootCommands(java, flags, options.javaOpts(), distribution, classPath, bundles);
    }

    /** @return the JVM flags both sides run with */
    List<String> jvmFlags() {
        return jvmFlags;
    }

    /** @return whether the flags come from {@code --java-opts} rather than bin/redoubt */
    boolean flagsOverridden() {
        return javaOptsOverride.isPresent();
    }

    /** @return the java command both sides run */
    String java() {
        return java;
    }

    /** @return the real path of the java binary (for the report; bin/redoubt keys AppCDS archives on it) */
    String javaBinary() {
        Path binary = Path.of(java);
        if (!java.contains("/")) {
            String path = System.getenv().getOrDefault("PATH", "");
            binary = Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, java))
                    .filter(Files::isExecutable).findFirst().orElse(binary);
        }
        try {
            return binary.toRealPath().toString();
        } catch (IOException e) {
            return java + " (not found: " + e.getMessage() + ")";
        }
    }

    /**
     * @param data   the data directory
     * @param cdsDir with AppCDS: the archive folder ({@code REDOUBT_CDS_DIR})
     * @return {@code bin/redoubt --data DATA}
     */
    Launch production(Path data, Optional<Path> cdsDir) {
        Map<String, String> environment = new HashMap<>();
        javaOptsOverride.ifPresent(flags -> environment.put("REDOUBT_JAVA_OPTS", flags));
        cdsDir.ifPresent(dir -> {
            environment.put("REDOUBT_APPCDS", "1");
            environment.put("REDOUBT_CDS_DIR", dir.toString());
        });
        return new Launch(List.of(distribution.resolve("bin").resolve("redoubt").toString(), "--data", data.toString()),
                environment, READY_MARKER);
    }

    /**
     * @param storage  a framework storage directory of its own
     * @param cdsFlags AppCDS flags, or none
     * @return the baseline's command
     */
    Launch baseline(Path storage, List<String> cdsFlags) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        command.addAll(cdsFlags);
        command.addAll(List.of("-cp", baselineClassPath, BaselineLauncher.class.getName(), "--storage", storage.toString()));
        baselineBundles.forEach(bundle -> command.add(bundle.toString()));
        return new Launch(command, Map.of(), BASELINE_MARKER);
    }

    /**
     * @param archive an archive the script wrote
     * @return a short JVM run that fails unless the production class path can map the archive
     */
    List<String> productionArchiveCheck(Path archive) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on",
                "-jar", distribution.resolve("lib").resolve("launcher.jar").toString(), "--help"));
        return command;
    }

    /**
     * @param archive the baseline's archive
     * @return a short JVM run that fails unless the baseline class path can map the archive
     */
    List<String> baselineArchiveCheck(Path archive) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on",
                "-cp", baselineClassPath, BaselineLauncher.class.getName(), "--help"));
        return command;
    }

    private static Path realPath(Path path, String what) throws BenchFailure {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new BenchFailure("no " + what + " at " + path, e);
        }
    }

    private static List<Path> jars(Path directory) throws BenchFailure {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new BenchFailure("cannot list " + directory + " (run the build): " + e, e);
        }
    }

    private static Path ownLocation() throws BenchFailure {
        try {
            return Path.of(BootCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new BenchFailure("cannot tell where the bench's own classes are: " + e, e);
        }
    }
}
