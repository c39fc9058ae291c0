package org.redoubt.itests.framework;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam configuration every in-framework test starts from: the platform bundles of a
 * Redoubt release in Felix, Pax Exam's JUnit bundles, quiet logs, and a framework cache under
 * {@code target/}.
 *
 * <p>Runs in the test JVM (outside the framework), where the build passed each bundle's jar as a
 * system property {@code redoubt.itest.bundle.<name>} (see the failsafe configuration in
 * {@code pom.xml}). Reactor bundles are installed from those {@code file:} URLs, so a test always
 * runs the jars this build produced, never an installed snapshot.
 */
final class TestPlatform {

    /** Prefix of the system properties naming the bundle jars. */
    static final String BUNDLE_PROPERTY_PREFIX = "redoubt.itest.bundle.";

    /** System property: the directory for framework caches and the tests' own files. */
    static final String WORK_PROPERTY = "redoubt.itest.work";

    /**
     * The platform bundles in install order, by their name in {@code redoubt.itest.bundle.*}:
     * SCR's runtime dependencies, the Log Service, Config Admin, SCR, then Redoubt's own bundles.
     * A bundle added to every release belongs here and in {@code pom.xml}.
     */
    static final List<String> PLATFORM_BUNDLES = List.of(
            "function", "promise", "component", "log", "configadmin", "scr",
            "json", "health-api", "health", "log-sink", "audit-api");

    /**
     * The crypto bundles in install order: the API, the provider (which embeds Bouncy Castle),
     * signed documents, sealed storage, the device keystore.
     */
    static final List<String> CRYPTO_BUNDLES = List.of("crypto-api", "crypto-bc", "crypto-documents", "crypto-sealed",
            "crypto-keystore");

    private TestPlatform() {
    }

    /** The device id the crypto tests run as. */
    static final String DEVICE_ID = "itest-device";

    /**
     * @param testClass the test class; its data directory is emptied here, before the framework
     *                  starts, so that every run is a first boot
     * @return options installing {@link #CRYPTO_BUNDLES}, with the framework properties the
     *         launcher would set ({@code redoubt.data.dir}, {@code redoubt.device.id})
     */
    static Option crypto(Class<?> testClass) {
        Path data = dataDirectory(testClass);
        try {
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot prepare the data directory " + data, e);
        }
        List<Option> options = new ArrayList<>();
        options.add(frameworkProperty("redoubt.data.dir").value(data.toString()));
        options.add(frameworkProperty("redoubt.device.id").value(DEVICE_ID));
        for (String name : CRYPTO_BUNDLES) {
            options.add(bundle(bundleUrl(name)));
        }
        return composite(options.toArray(Option[]::new));
    }

    /**
     * @param testClass a test class
     * @return the data directory its framework gets as {@code redoubt.data.dir}
     */
    static Path dataDirectory(Class<?> testClass) {
        return workDirectory(testClass).resolve("data");
    }

    /**
     * @param testClass the test class; names its framework cache directory
     * @param extra     options of this test class (framework properties, more bundles); a
     *                  framework property given here replaces the default set above
     * @return the options for the test class's {@code @Configuration} method
     */
    static Option[] configuration(Class<?> testClass, Option... extra) {
        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(workDirectory(testClass).toString()));
        options.add(cleanCaches(true));
        // Quiet: Felix reports errors only, pax-logging (Pax Exam's helpers) warnings and up, and
        // the log sink writes warnings and up (it also writes every bundle event at INFO).
        options.add(frameworkProperty("felix.log.level").value("1"));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(frameworkProperty("redoubt.log.level").value("WARN"));
        options.add(junitBundles());
        for (String name : PLATFORM_BUNDLES) {
            options.add(bundle(bundleUrl(name)));
        }
        options.add(composite(extra));
        return options.toArray(Option[]::new);
    }

    /**
     * @param testClass a test class
     * @return the directory reserved for this test class under {@code target/}
     */
    static Path workDirectory(Class<?> testClass) {
        String work = System.getProperty(WORK_PROPERTY);
        if (work == null || work.isBlank()) {
            throw new IllegalStateException("system property " + WORK_PROPERTY
                    + " is not set: run the tests through Maven (mvn -pl itests/framework -am verify)");
        }
        return Path.of(work, testClass.getSimpleName()).toAbsolutePath();
    }

    /**
     * @param name a bundle's name in {@code redoubt.itest.bundle.*}
     * @return the {@code file:} URL of its jar
     * @throws IllegalStateException if the property is unset or the jar is missing, which means the
     *                               tests were not started by this module's Maven build
     */
    static String bundleUrl(String name) {
        String key = BUNDLE_PROPERTY_PREFIX + name;
        String path = System.getProperty(key);
        if (path == null || path.isBlank() || path.startsWith("${")) {
            throw new IllegalStateException("system property " + key + " is not set: run the tests"
                    + " through Maven with the reactor (mvn -pl itests/framework -am verify)");
        }
        File jar = new File(path);
        if (!jar.isFile() || !Files.isReadable(jar.toPath())) {
            throw new IllegalStateException(key + " names " + path + ", which is not a readable jar;"
                    + " build the reactor modules first (-am)");
        }
        return jar.toURI().toString();
    }
}
