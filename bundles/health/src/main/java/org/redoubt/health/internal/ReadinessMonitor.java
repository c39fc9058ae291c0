package org.redoubt.health.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.redoubt.health.api.Readiness;
import org.redoubt.health.api.ReadinessReport;

/**
 * Watches the framework and publishes {@link Readiness} with up-to-date service properties.
 *
 * <p>Every bundle or service event (SCR raises a service event whenever component states change,
 * through its {@code service.changecount}) asks for a new evaluation; requests are coalesced on one
 * thread. Until the release is first ready the monitor also re-evaluates every
 * {@value #BOOT_POLL_MILLIS} ms, because a component that provides no service activates without any
 * event. The service is registered by hand rather than by SCR because its properties change.
 */
@Component(service = {}, immediate = true)
public final class ReadinessMonitor implements Readiness {

    static final long BOOT_POLL_MILLIS = 20;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final int WAITING_LINES_PUBLISHED = 8;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Logger logger;
    private final ReadinessEvaluator evaluator = new ReadinessEvaluator();
    private final ScheduledExecutorService executor;
    private final AtomicBoolean evaluationPending = new AtomicBoolean();
    private final BundleListener bundleListener = event -> requestEvaluation();
    private final ServiceListener serviceListener = event -> {
        // Our own property updates are the result of an evaluation, not a reason for another one:
        // reacting to them would re-evaluate forever.
        if (!isOwnRegistration(event.getServiceReference())) {
            requestEvaluation();
        }
    };
    private final ServiceRegistration<Readiness> registration;
    private final ScheduledFuture<?> bootPoll;
    private Boolean lastReady; // touched only on the executor thread
    private ReadinessReport lastReport; // touched only on the executor thread
    private volatile ServiceReference<Readiness> ownReference;

    /**
     * @param context the bundle context of the health bundle
     * @param scr     the SCR introspection service
     * @param logger  this component's logger
     */
    @Activate
    public ReadinessMonitor(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.context = context;
        this.scr = scr;
        this.logger = logger;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redoubt-readiness");
            thread.setDaemon(true);
            return thread;
        });
        this.registration = context.registerService(Readiness.class, this, properties(
                new ReadinessReport(0, 0, List.of("readiness not evaluated yet"))));
        this.ownReference = registration.getReference();
        context.addBundleListener(bundleListener);
        context.addServiceListener(serviceListener);
        this.bootPoll = executor.scheduleWithFixedDelay(this::evaluateUntilReady, 0, BOOT_POLL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops watching and withdraws the service, after any evaluation in flight has finished, so
     * that no evaluation updates a registration that is already gone.
     */
    @Deactivate
    public void deactivate() {
        context.removeServiceListener(serviceListener);
        context.removeBundleListener(bundleListener);
        // No interrupt: an evaluation in flight is short, and interrupting a thread that is logging
        // can break interruptible I/O further down the log chain.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                logger.warn("readiness evaluation still running after {} s; withdrawing the service anyway",
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            logger.debug("readiness service already unregistered");
        }
    }

    @Override
    public ReadinessReport report() {
        Map<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> components = new LinkedHashMap<>();
        Set<Long> bundlesWithComponents = new HashSet<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            bundlesWithComponents.add(description.bundle.id);
            if (scr.isComponentEnabled(description)) {
                components.put(description, scr.getComponentConfigurationDTOs(description));
            }
        }
        List<BundleView> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                bundles.add(BundleView.of(bundle, bundlesWithComponents.contains(bundle.getBundleId())));
            }
        }
        return evaluator.evaluate(bundles, components);
    }

    private void requestEvaluation() {
        if (evaluationPending.compareAndSet(false, true)) {
            try {
                executor.execute(this::evaluate);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                evaluationPending.set(false);
            }
        }
    }

    private void evaluateUntilReady() {
        if (Boolean.TRUE.equals(lastReady)) {
            bootPoll.cancel(false);
            return;
        }
        evaluate();
    }

    private void evaluate() {
        evaluationPending.set(false);
        ReadinessReport report;
        try {
            report = report();
        } catch (RuntimeException e) {
            // The framework or SCR is going away underneath us; the next event re-evaluates.
            logger.debug("readiness evaluation skipped: {}", e.toString());
            return;
        }
        if (sameAs(lastReport, report)) {
            return; // nothing changed: no property update, no service event
        }
        lastReport = report;
        try {
            registration.setProperties(properties(report));
        } catch (IllegalStateException unregistered) {
            return;
        }
        if (lastReady == null || lastReady != report.ready()) {
            if (frameworkStopping()) {
                return; // bundles stopping during a shutdown are expected, not a loss of readiness
            }
            if (report.ready()) {
                logger.info("release ready: {} bundles, {} component configurations", report.bundles(),
                        report.components());
            } else if (lastReady != null) {
                logger.warn("release no longer ready: {}", report.waitingFor());
            }
            lastReady = report.ready();
        }
    }

    /**
     * Compares field by field rather than through the record's generated {@code equals}, whose
     * first call costs tens of milliseconds of method-handle bootstrap during boot.
     */
    private static boolean sameAs(ReadinessReport previous, ReadinessReport current) {
        return previous != null && previous.bundles() == current.bundles()
                && previous.components() == current.components()
                && previous.waitingFor().equals(current.waitingFor());
    }

    private boolean isOwnRegistration(ServiceReference<?> reference) {
        ServiceReference<Readiness> own = ownReference;
        return own != null && own.equals(reference);
    }

    private boolean frameworkStopping() {
        Bundle system = context.getBundle(0);
        return system == null || system.getState() == Bundle.STOPPING;
    }

    private static Hashtable<String, Object> properties(ReadinessReport report) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(READY_PROPERTY, report.ready());
        properties.put(BUNDLES_PROPERTY, report.bundles());
        properties.put(COMPONENTS_PROPERTY, report.components());
        List<String> waiting = report.waitingFor();
        properties.put(WAITING_PROPERTY,
                waiting.subList(0, Math.min(waiting.size(), WAITING_LINES_PUBLISHED)).toArray(String[]::new));
        return properties;
    }
}
