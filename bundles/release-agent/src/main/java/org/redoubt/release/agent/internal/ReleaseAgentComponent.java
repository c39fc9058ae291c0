package org.redoubt.release.agent.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.audit.AuditLog;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.channel.FleetChannel;
import org.redoubt.health.api.HealthCheck;
import org.redoubt.health.api.Readiness;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyStatus;
import org.redoubt.runtime.slots.ReleaseSlots;

/**
 * The release agent in the framework (PID {@value #PID}). It works while both the launcher's slots
 * (a runtime started by the Redoubt launcher) and the fleet channel (a policy agent with a broker)
 * are there, and stops while either is missing; the component itself is always satisfied, so a
 * handset without a broker is still ready. It reads readiness and the bundles' health checks while
 * they are there. Its files are in {@code <redoubt.state.dir>/release}.
 */
@Component(immediate = true, configurationPid = ReleaseAgentComponent.PID)
@Designate(ocd = ReleaseAgentComponent.Config.class)
public final class ReleaseAgentComponent {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.release.agent";

    /** Limits of a release. */
    @ObjectClassDefinition(id = PID, name = "Redoubt release agent")
    public @interface Config {
        /** @return how long a new release has to become ready and pass its checks */
        int healthWindowSeconds() default 30;

        /** @return the longest a release's download may take */
        int transferDeadlineSeconds() default 900;

        /** @return the least throughput of a download, averaged over the window below */
        int minimumBytesPerSecond() default 2048;

        /** @return the window of the throughput watchdog */
        int throughputWindowSeconds() default 30;

        /** @return how long the MQTT round trip of the health window may take */
        int echoTimeoutSeconds() default 10;
    }

    private final BundleContext context;
    private final Config config;
    private final Logger logger;
    private final Path state;
    private final AtomicReference<Readiness> readiness = new AtomicReference<>();
    private final AtomicReference<PolicyStatus> policy = new AtomicReference<>();
    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();
    private final AuditRecorder audit;
    private ReleaseSlots slots;
    private FleetChannel channel;
    private ReleaseAgent agent;
    private boolean active;

    /**
     * @param context the agent's bundle
     * @param config  limits
     * @param logger  one line per event
     */
    @Activate
    public ReleaseAgentComponent(BundleContext context, Config config,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.context = context;
        this.config = config;
        this.logger = logger;
        this.audit = new AuditRecorder(failure -> logger.error("audit: {}", failure));
        this.state = Path.of(Optional.ofNullable(context.getProperty("redoubt.state.dir"))
                .orElse(Path.of(String.valueOf(context.getProperty("redoubt.data.dir"))).resolve("state").toString()))
                .resolve("release");
        synchronized (this) {
            active = true;
            follow();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        follow();
    }

    /** @param log where each release's outcome is recorded */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuditLog(AuditLog log) {
        audit.bind(log);
    }

    /** @param log the audit log that went */
    void unbindAuditLog(AuditLog log) {
        audit.unbind(log);
    }

    /** @param service the launcher's slots */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void setSlots(ReleaseSlots service) {
        slots = service;
        follow();
    }

    synchronized void unsetSlots(ReleaseSlots service) {
        if (slots == service) {
            slots = null;
            follow();
        }
    }

    /** @param service the handset's broker session */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void setChannel(FleetChannel service) {
        channel = service;
        follow();
    }

    synchronized void unsetChannel(FleetChannel service) {
        if (channel == service) {
            channel = null;
            follow();
        }
    }

    /** Starts an agent when everything it needs is there, stops it when something went. */
    private void follow() {
        boolean wanted = active && slots != null && channel != null;
        if (agent != null && wanted && agent.uses(slots, channel)) {
            return;
        }
        if (agent != null) {
            agent.close();
            agent = null;
            logger.info("release agent stopped: {}", active ? "the slots or the fleet channel changed" : "deactivated");
        }
        if (wanted) {
            agent = create(slots, channel);
            agent.start();
            logger.info("release agent started for device {}", channel.deviceId());
        }
    }

    private ReleaseAgent create(ReleaseSlots releaseSlots, FleetChannel fleetChannel) {
        BundleSetConverger converger = new BundleSetConverger(context, Duration.ofSeconds(60), logger::info);
        HealthWindow health = new HealthWindow(() -> Optional.ofNullable(readiness.get()).map(Readiness::report),
                () -> new TreeMap<>(checks),
                List.of(new EchoProbe(fleetChannel, Duration.ofSeconds(config.echoTimeoutSeconds()))),
                Duration.ofSeconds(config.healthWindowSeconds()), Duration.ofMillis(100), HealthWindow.Ticker.SYSTEM);
        LiveRelease live = new LiveRelease(releaseSlots, converger, health,
                new InstallJournal(state.resolve("journal"), Clock.systemUTC()), context.getBundle().getSymbolicName());
        BlobFetch fetch = new BlobFetch(fleetChannel, state.resolve("blobs"), new BlobFetch.Limits(
                Duration.ofSeconds(config.transferDeadlineSeconds()), config.minimumBytesPerSecond(),
                Duration.ofSeconds(config.throughputWindowSeconds())), System::nanoTime);
        return new ReleaseAgent(fleetChannel, releaseSlots, live, fetch, new LastRelease(state.resolve("last.json")),
                state.resolve("work"), Clock.systemUTC(), logger::info, this::grants, new ReleaseAuditTrail(audit));
    }

    /** @param service the policy in force, whose bundles.allow this agent enforces */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setPolicyStatus(PolicyStatus service) {
        policy.set(service);
    }

    void unsetPolicyStatus(PolicyStatus service) {
        policy.compareAndSet(service, null);
    }

    private List<Policy.BundleGrant> grants() {
        return Optional.ofNullable(policy.get()).flatMap(PolicyStatus::current).map(state -> state.policy().bundles())
                .orElse(List.of());
    }

    /** @param service the health bundle's readiness */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setReadiness(Readiness service) {
        readiness.set(service);
    }

    void unsetReadiness(Readiness service) {
        readiness.compareAndSet(service, null);
    }

    /**
     * @param check      a bundle's health check
     * @param properties its service properties ({@value HealthCheck#NAME_PROPERTY} names it)
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHealthCheck(HealthCheck check, Map<String, Object> properties) {
        checks.put(name(properties), check);
    }

    void removeHealthCheck(HealthCheck check, Map<String, Object> properties) {
        checks.remove(name(properties), check);
    }

    private static String name(Map<String, Object> properties) {
        return String.valueOf(properties.getOrDefault(HealthCheck.NAME_PROPERTY,
                "service " + properties.get("service.id")));
    }
}
