package org.redoubt.runtime.launcher;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Creates and initializes an empty framework on a second thread while the boot thread verifies the
 * release: loading Felix's classes and hashing the bundles then overlap on a two-core handset.
 * Nothing of the release enters the framework here; the launcher installs bundles only after
 * verification succeeded, and {@link #abandon()}s the framework otherwise.
 */
final class FrameworkPreparation {

    private final CompletableFuture<Framework> framework;

    private FrameworkPreparation(CompletableFuture<Framework> framework) {
        this.framework = framework;
    }

    /**
     * @param properties the framework properties
     * @param listener   receives framework events from {@code init} on
     * @return the preparation under way
     */
    static FrameworkPreparation begin(Map<String, String> properties, FrameworkListener listener) {
        CompletableFuture<Framework> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class,
                        FrameworkPreparation.class.getClassLoader()).findFirst().orElseThrow(
                                () -> new IllegalStateException("no OSGi framework on the class path "
                                        + "(org.apache.felix.framework.jar missing from lib/)"));
                Framework created = factory.newFramework(properties);
                created.init(listener);
                future.complete(created);
            } catch (BundleException | RuntimeException | LinkageError e) {
                future.completeExceptionally(e);
            }
        }, "redoubt-framework-init");
        thread.setDaemon(true);
        thread.start();
        return new FrameworkPreparation(future);
    }

    /**
     * @return the initialized framework
     * @throws BootFailure {@link ExitCode#FRAMEWORK_FAILED} when it could not be created
     * @throws InterruptedException when the boot thread is interrupted
     */
    Framework await() throws BootFailure, InterruptedException {
        try {
            return framework.get();
        } catch (ExecutionException e) {
            throw new BootFailure(ExitCode.FRAMEWORK_FAILED, "framework failed to start: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Stops the framework again after a failed boot; the failure being reported is what matters. */
    void abandon() {
        try {
            Framework created = framework.get();
            created.stop();
            created.waitForStop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | BundleException | RuntimeException e) {
            // it never started, or stops badly: either way the boot already failed
        }
    }
}
