package org.redoubt.runtime.launcher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.redoubt.runtime.firewall.RuleViolation;
import org.redoubt.runtime.firewall.RuleViolationListener;
import org.redoubt.runtime.firewall.ServiceRules;

/**
 * Tells every {@link RuleViolationListener} (whiteboard) of each attempt the rules stopped, on one
 * thread of its own ({@code redoubt-firewall}): the thread that made the attempt (a lookup, a
 * service event, a resolution) only checks a set and queues. Each distinct (release, bundle, kind,
 * target) is reported once; the first {@value ServiceRules#MAX_PENDING_VIOLATIONS} reported before
 * any listener exists are kept for the first one. Every violation is also one line on the boot
 * console.
 */
final class ViolationReporter implements AutoCloseable {

    /** The most distinct violations remembered for deduplication; later ones are dropped. */
    static final int MAX_DISTINCT = 4096;

    private final Consumer<String> console;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread;
    // Confined to the firewall thread:
    private final List<RuleViolation> pending = new ArrayList<>();
    private int dropped;
    private volatile ServiceTracker<RuleViolationListener, RuleViolationListener> listeners;

    /** @param console one line per violation (standard error) */
    ViolationReporter(Consumer<String> console) {
        this(console, Clock.systemUTC());
    }

    ViolationReporter(Consumer<String> console, Clock clock) {
        this.console = Objects.requireNonNull(console, "console");
        this.clock = Objects.requireNonNull(clock, "clock");
        // One thread at most, and none while there is nothing to report.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread made = new Thread(runnable, "redoubt-firewall");
                    made.setDaemon(true);
                    return made;
                });
        executor.allowCoreThreadTimeOut(true);
        this.thread = executor;
    }

    /**
     * Starts following the listeners registered in the framework.
     *
     * @param system the system bundle's context
     */
    void open(BundleContext system) {
        ServiceTracker<RuleViolationListener, RuleViolationListener> tracker = new ServiceTracker<>(system,
                RuleViolationListener.class, null) {
            @Override
            public RuleViolationListener addingService(ServiceReference<RuleViolationListener> reference) {
                RuleViolationListener listener = super.addingService(reference);
                if (listener != null) {
                    submit(() -> flushTo(listener));
                }
                return listener;
            }
        };
        tracker.open();
        listeners = tracker;
        // The framework's own stop ends the firewall thread too.
        system.addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
                close();
            }
        });
    }

    /**
     * Called on the thread that made the attempt: cheap after the first time.
     *
     * @param release the release whose rules stopped it
     * @param bundle  the asking bundle's symbolic name
     * @param kind    what it reached for
     * @param target  the service interface or package
     */
    void report(long release, String bundle, RuleViolation.Kind kind, String target) {
        String key = release + "\u0000" + bundle + "\u0000" + kind + "\u0000" + target;
        if (seen.contains(key) || seen.size() >= MAX_DISTINCT || !seen.add(key)) {
            return;
        }
        RuleViolation violation = new RuleViolation(bundle, kind, target, clock.instant());
        submit(() -> deliver(violation));
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // The framework is stopping; nobody is left to tell.
        }
    }

    private void deliver(RuleViolation violation) {
        console.accept("firewall: bundle " + violation.bundle() + " may not use "
                + (violation.kind() == RuleViolation.Kind.SERVICE ? "service " : "package ") + violation.target());
        ServiceTracker<RuleViolationListener, RuleViolationListener> tracker = listeners;
        Object[] current = tracker == null ? null : tracker.getServices();
        if (current == null || current.length == 0) {
            if (pending.size() < ServiceRules.MAX_PENDING_VIOLATIONS) {
                pending.add(violation);
            } else {
                dropped++;
            }
            return;
        }
        // The first listener may be tracked before its own flush runs: keep the order.
        flushTo((RuleViolationListener) current[0]);
        for (Object listener : current) {
            tell((RuleViolationListener) listener, violation);
        }
    }

    private void flushTo(RuleViolationListener listener) {
        if (pending.isEmpty()) {
            return;
        }
        if (dropped > 0) {
            console.accept(dropped + " rule violations before the first listener were not kept");
        }
        for (RuleViolation violation : pending) {
            tell(listener, violation);
        }
        pending.clear();
        dropped = 0;
    }

    private void tell(RuleViolationListener listener, RuleViolation violation) {
        try {
            listener.violated(violation);
        } catch (RuntimeException e) {
            console.accept("a rule violation listener failed: " + Boot.describe(e));
        }
    }

    /** Stops following listeners and ends the firewall thread; queued reports are dropped. */
    @Override
    public void close() {
        ServiceTracker<RuleViolationListener, RuleViolationListener> tracker = listeners;
        if (tracker != null) {
            tracker.close();
        }
        thread.shutdownNow();
    }
}
