package org.redoubt.bench.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The bare-Felix baseline: the least a launcher can do to reach a first DS component. It creates
 * the framework through the standard {@link FrameworkFactory}, with a storage directory cleaned on
 * init, installs the bundles named on the command line from their files, starts them in that order
 * and waits until the framework stops (SIGTERM stops it through a shutdown hook).
 *
 * <p>Nothing is verified, copied or recorded, and no readiness is computed: the baseline bundle's
 * component prints {@code BASELINE ACTIVATED} on activation, which is the benchmark's stop mark.
 * Diagnostics go to standard error only.
 */
public final class BaselineLauncher {

    static final String USAGE = "usage: BaselineLauncher --storage DIR BUNDLE.jar...";

    private BaselineLauncher() {
    }

    /**
     * @param args {@code --storage DIR} followed by the bundle files, installed and started in order
     * @throws Exception whatever stops the boot; the JVM reports it and exits non-zero
     */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args.length == 1 && args[0].equals("--help")) {
            System.err.println(USAGE);
            return;
        }
        if (args.length < 3 || !args[0].equals("--storage")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path storage = Path.of(args[1]);
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no bundle file " + file);
            }
            files.add(file);
        }

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "baseline-shutdown"));

        List<Bundle> bundles = install(framework.getBundleContext(), files);
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        System.err.println("baseline: framework and " + bundles.size() + " bundles started "
                + (System.nanoTime() - start) / 1_000_000 + " ms after main");
        framework.waitForStop(0);
    }

    private static List<Bundle> install(BundleContext context, List<Path> files) throws BundleException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files) {
            bundles.add(context.installBundle(file.toAbsolutePath().toUri().toString()));
        }
        return bundles;
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            System.err.println("baseline: stop failed: " + e);
        }
    }
}
