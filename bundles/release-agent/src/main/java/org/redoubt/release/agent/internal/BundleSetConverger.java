package org.redoubt.release.agent.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.redoubt.runtime.slots.SlotException;
import org.redoubt.runtime.slots.StagedBundle;
import org.redoubt.runtime.slots.StagedRelease;

/**
 * Brings the running framework's release bundles (those at a launcher location,
 * {@code redoubt:<symbolic name>}) to exactly the bundles of a release: uninstalls what the release
 * does not list, updates what it lists in another version, installs what is missing, refreshes
 * only the bundles that changed and those wired to them, then starts the release's bundles. The
 * same operation installs a new release and rolls back to the running one: it depends only on the
 * target, so it can be repeated after a failure half-way.
 *
 * <p>Called from the release agent's one thread.
 */
final class BundleSetConverger {

    /** The prefix of the locations the launcher gives release bundles. */
    static final String LOCATION_PREFIX = "redoubt:";

    private final BundleContext context;
    private final Duration refreshTimeout;
    private final Consumer<String> journal;

    /**
     * @param context        the agent's bundle context
     * @param refreshTimeout the longest wait for a refresh of the changed bundles
     * @param journal        one line per step
     */
    BundleSetConverger(BundleContext context, Duration refreshTimeout, Consumer<String> journal) {
        this.context = Objects.requireNonNull(context, "context");
        this.refreshTimeout = Objects.requireNonNull(refreshTimeout, "refreshTimeout");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * @param target the release to run
     * @return one line per problem (a bundle that could not be installed, updated or started, a
     *         refresh that did not finish); empty when the framework runs exactly the target
     */
    List<String> converge(StagedRelease target) {
        List<String> problems = new ArrayList<>();
        Map<String, Bundle> present = releaseBundles();
        Map<String, StagedBundle> wanted = new LinkedHashMap<>();
        target.bundles().forEach(bundle -> wanted.put(bundle.location(), bundle));
        List<Bundle> changed = new ArrayList<>();
        for (Map.Entry<String, Bundle> entry : present.entrySet()) {
            if (!wanted.containsKey(entry.getKey())) {
                Bundle bundle = entry.getValue();
                try {
                    bundle.uninstall();
                    changed.add(bundle);
                    journal.accept("uninstalled " + bundle.getSymbolicName() + " " + bundle.getVersion());
                } catch (BundleException | IllegalStateException e) {
                    problems.add("UNINSTALL_FAILED: " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        for (StagedBundle entry : wanted.values()) {
            Bundle bundle = present.get(entry.location());
            try {
                if (bundle == null) {
                    bundle = context.installBundle(entry.location(), new ByteArrayInputStream(entry.content().read()));
                    changed.add(bundle);
                    journal.accept("installed " + entry.symbolicName() + " " + entry.version());
                } else if (!bundle.getVersion().toString().equals(entry.version())) {
                    String from = bundle.getVersion().toString();
                    // Read and checked before anything is stopped; one bundle's bytes in memory at a time.
                    byte[] content = entry.content().read();
                    // Stopped first, transiently (it stays marked for start): Bundle.update() would restart an
                    // active bundle, and the refresh below would stop and start it once more, two gaps in its
                    // services during a call. Stopped, it is started once, by start() below.
                    if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                        bundle.stop(Bundle.STOP_TRANSIENT);
                    }
                    bundle.update(new ByteArrayInputStream(content));
                    changed.add(bundle);
                    journal.accept("updated " + entry.symbolicName() + " " + from + " -> " + entry.version());
                }
                // Only when it changes: on a bundle marked for start, setting its level (even to the same value)
                // has the framework start it in the background, and the refresh below would then restart it.
                BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                if (level.getStartLevel() != entry.startLevel()) {
                    level.setStartLevel(entry.startLevel());
                }
            } catch (BundleException | IllegalStateException | SlotException e) {
                problems.add("INSTALL_FAILED: " + entry.symbolicName() + " " + entry.version() + ": " + e.getMessage());
            }
        }
        if (!changed.isEmpty()) {
            refresh(changed).ifPresent(problems::add);
        }
        problems.addAll(start(wanted.values()));
        return problems;
    }

    /** @return the bundles at launcher locations, by location */
    Map<String, Bundle> releaseBundles() {
        Map<String, Bundle> bundles = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX) && bundle.getState() != Bundle.UNINSTALLED) {
                bundles.put(bundle.getLocation(), bundle);
            }
        }
        return bundles;
    }

    private java.util.Optional<String> refresh(List<Bundle> changed) {
        CountDownLatch refreshed = new CountDownLatch(1);
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        wiring.refreshBundles(changed, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        try {
            if (!refreshed.await(refreshTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return java.util.Optional.of("REFRESH_TIMEOUT: the refresh of " + changed.size() + " bundles took over "
                        + refreshTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("REFRESH_TIMEOUT: interrupted");
        }
        return java.util.Optional.empty();
    }

    private List<String> start(Iterable<StagedBundle> wanted) {
        List<String> problems = new ArrayList<>();
        int frameworkLevel = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class)
                .getStartLevel();
        for (StagedBundle entry : wanted) {
            Bundle bundle = context.getBundle(entry.location());
            if (bundle == null || bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                // Persistent start: at the next boot the launcher starts it anyway; now, when its
                // level is reached (it is, for every release bundle of a running framework).
                bundle.start(Bundle.START_ACTIVATION_POLICY);
                if (entry.startLevel() <= frameworkLevel && bundle.getState() != Bundle.ACTIVE
                        && bundle.getState() != Bundle.STARTING) {
                    problems.add("START_FAILED: " + entry.symbolicName() + " is " + state(bundle.getState()));
                }
            } catch (BundleException | IllegalStateException e) {
                problems.add("START_FAILED: " + entry.symbolicName() + ": " + describe(e));
            }
        }
        return problems;
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null ? String.valueOf(e.getMessage()) : e.getMessage() + " / " + cause;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
