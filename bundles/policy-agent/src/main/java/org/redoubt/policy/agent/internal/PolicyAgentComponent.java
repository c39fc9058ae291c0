package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.audit.AuditLog;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.channel.FleetChannel;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.policy.PolicyState;
import org.redoubt.driver.power.Battery;
import org.redoubt.store.HandsetLock;
import org.redoubt.telephony.Network;
import org.redoubt.policy.PolicyStatus;

/**
 * The policy agent in the framework (PID {@value #PID}). It reads the handset's identity and trust
 * root from the framework properties the launcher sets, keeps its state in
 * {@code <redoubt.state.dir>/policy}, and enforces the stored policy at activation, before and
 * without any broker. With a {@code brokerUri} it then keeps a session with the broker.
 *
 * <p>With a {@code brokerUri} the component also registers that session as {@link FleetChannel}
 * (the broker admits one session per device certificate, so the release agent shares this one).
 * It does so with its bundle context rather than as a declared service: a DS component's services
 * are fixed when it is declared, and a handset without a broker must not offer a channel that
 * never connects (its consumers would wait for a fleet that is not there instead of seeing that
 * there is none). Declarative Services still governs the lifetime: the registration is made at
 * activation, after the stored policy is in force, and withdrawn at deactivation before the
 * session closes, so no consumer holds a channel whose link has gone. A new configuration
 * reactivates the component, so the channel follows a change of {@code brokerUri}. The bundle
 * declares the service capability itself (bnd sees only declared services), so that the resolver
 * finds a provider for the release agent's reference.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.redoubt.channel.FleetChannel\"",
        uses = FleetChannel.class)
@Component(service = PolicyStatus.class, immediate = true, configurationPid = PolicyAgentComponent.PID)
@Designate(ocd = PolicyAgentComponent.Config.class)
public final class PolicyAgentComponent implements PolicyStatus {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.policy.agent";

    /** How the agent reaches its broker. */
    @ObjectClassDefinition(id = PID, name = "Redoubt policy agent")
    public @interface Config {
        /** @return {@code ssl://host:port}; empty: no broker, only the stored policy is enforced */
        String brokerUri() default "";

        /** @return the device certificate chain (PEM); empty: {@code <data>/keys/device.crt} */
        String deviceCertificate() default "";

        /** @return the provisioned broker CAs (PEM); empty: {@code <data>/trust/broker-ca.pem} */
        String brokerCa() default "";

        /** @return the longest wait between two connection attempts */
        long maxReconnectSeconds() default 60;

        /** @return the size cap of a policy envelope */
        int maxPolicyBytes() default 64 * 1024;
    }

    private static final int MAX_ROOT_BYTES = 256 * 1024;
    private final PolicyAgent agent;
    private final Optional<ServiceRegistration<FleetChannel>> channel;
    private final AtomicReference<EventAdmin> events = new AtomicReference<>();
    private final AtomicReference<HandsetLock> lock = new AtomicReference<>();
    private final AtomicReference<Battery> battery = new AtomicReference<>();
    private final AtomicReference<Network> network = new AtomicReference<>();
    private final AuditRecorder audit;

    /**
     * @param context  the framework properties
     * @param config   the broker
     * @param provider signature checks
     * @param keystore the device identity for TLS
     * @param admin    the configurations that enforce the policy
     * @param logger   one line per event
     * @throws IOException when the trust root or the agent's state cannot be read, or the stored
     *                     policy cannot be enforced
     */
    @Activate
    public PolicyAgentComponent(BundleContext context, Config config, @Reference CryptoProvider provider,
            @Reference DeviceKeystore keystore, @Reference ConfigurationAdmin admin,
            @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        audit = new AuditRecorder(failure -> logger.error("audit: {}", failure));
        try {
            agent = create(context::getProperty, config, provider, keystore, new ConfigurationEnforcer(admin),
                    new LockCommands(this::handsetLock, context.getBundle(0), logger::info),
                    data -> new HandsetFacts(() -> Optional.ofNullable(battery.get()),
                            () -> Optional.ofNullable(network.get()), this::handsetLock, data),
                    logger::info, this::announce, audit);
            agent.start();
        } catch (IOException | RuntimeException e) {
            logger.error("the policy agent cannot start: {}", e.getMessage(), e);
            throw e;
        }
        channel = register(context, agent);
    }

    /** @return the agent's session registered as {@link FleetChannel}, when it has one */
    private static Optional<ServiceRegistration<FleetChannel>> register(BundleContext context, PolicyAgent agent) {
        try {
            return agent.channel().map(fleet -> context.registerService(FleetChannel.class, fleet, null));
        } catch (RuntimeException e) {
            // Deactivate is not called for a failed activation: nothing else would stop the session.
            agent.close();
            throw e;
        }
    }

    /**
     * For tests and for the component: an agent from framework properties.
     *
     * @return an agent, not started
     */
    static PolicyAgent create(Function<String, String> properties, Config config, CryptoProvider provider,
            DeviceKeystore keystore, Enforcer enforcer, HandsetCommands handset, Function<Path, StatusFacts> facts,
            java.util.function.Consumer<String> journal, Runnable changed, AuditRecorder audit) throws IOException {
        Path data = Path.of(required(properties, "redoubt.data.dir"));
        String state = properties.apply("redoubt.state.dir");
        DeviceIdentity device = new DeviceIdentity(required(properties, "redoubt.device.id"),
                Optional.ofNullable(properties.apply("redoubt.device.group")).orElse(""),
                Optional.ofNullable(properties.apply("redoubt.device.model")).orElse(""));
        String rootFile = Optional.ofNullable(properties.apply("redoubt.trust.root"))
                .orElse(data.resolve("trust/root.json").toString());
        TrustRoot root = provisionedRoot(Path.of(rootFile), provider);
        StateFiles files = new StateFiles((state == null ? data.resolve("state") : Path.of(state)).resolve("policy"));
        PersistentFloors floors = PersistentFloors.load(files.directory(), root.issuedAt());
        Clock clock = Clock.systemUTC();
        RootKeeper roots = new RootKeeper(provider, Path.of(rootFile), root, floors, clock);
        SecondThread second = new SecondThread();
        AuditTrail trail = new AuditTrail(audit);
        PolicyProcessor processor = new PolicyProcessor(provider, roots::current, device, config.maxPolicyBytes(), floors,
                enforcer, clock, second, ack -> trail.decided(AuditTrail.Document.POLICY, ack));
        CommandProcessor commands = new CommandProcessor(provider, roots::current, device, floors, NonceLedger.load(files),
                handset, clock, second);
        Optional<PolicyAgent.Connection> connection = Optional.empty();
        if (!config.brokerUri().isBlank()) {
            Path certificate = config.deviceCertificate().isBlank() ? data.resolve("keys/device.crt")
                    : Path.of(config.deviceCertificate());
            Path brokerCa = config.brokerCa().isBlank() ? data.resolve("trust/broker-ca.pem") : Path.of(config.brokerCa());
            connection = Optional.of(new PolicyAgent.Connection(config.brokerUri(),
                    policyCa -> tls(keystore, certificate, brokerCa, policyCa),
                    Duration.ofSeconds(Math.max(1, config.maxReconnectSeconds()))));
        }
        // The launcher sets redoubt.release (a system property, which the framework falls back to)
        // at boot and again when a release is committed live.
        java.util.function.Supplier<java.util.OptionalLong> release = () -> runningRelease(properties.apply("redoubt.release"));
        return new PolicyAgent(new Topics(device.deviceId()), processor, commands, roots, second, facts.apply(data), release,
                connection, journal, changed, trail);
    }

    @Deactivate
    void deactivate() {
        try {
            channel.ifPresent(ServiceRegistration::unregister);
        } catch (IllegalStateException e) {
            // Already unregistered: the bundle is stopping and the framework withdrew it.
        } finally {
            agent.close();
        }
    }

    @Override
    public Optional<PolicyState> current() {
        return agent.state();
    }

    /** @param log where every decision is recorded */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuditLog(AuditLog log) {
        audit.bind(log);
    }

    /** @param log the audit log that went */
    void unbindAuditLog(AuditLog log) {
        audit.unbind(log);
    }

    /** @param eventAdmin where changes of the policy in force are announced */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin eventAdmin) {
        events.set(eventAdmin);
    }

    void unsetEventAdmin(EventAdmin eventAdmin) {
        events.compareAndSet(eventAdmin, null);
    }

    /** @param handsetLock what LOCK, WIPE and RESET_PIN act on */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setHandsetLock(HandsetLock handsetLock) {
        lock.set(handsetLock);
    }

    void unsetHandsetLock(HandsetLock handsetLock) {
        lock.compareAndSet(handsetLock, null);
    }

    /** @param batteryDriver reported when the policy asks for BATTERY */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBattery(Battery batteryDriver) {
        battery.set(batteryDriver);
    }

    void unsetBattery(Battery batteryDriver) {
        battery.compareAndSet(batteryDriver, null);
    }

    /** @param telephonyNetwork reported when the policy asks for NETWORK */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setNetwork(Network telephonyNetwork) {
        network.set(telephonyNetwork);
    }

    void unsetNetwork(Network telephonyNetwork) {
        network.compareAndSet(telephonyNetwork, null);
    }

    private Optional<HandsetLock> handsetLock() {
        return Optional.ofNullable(lock.get());
    }

    private void announce() {
        EventAdmin eventAdmin = events.get();
        if (eventAdmin != null) {
            eventAdmin.postEvent(new Event(CHANGED_TOPIC, Map.of()));
        }
    }

    private static javax.net.ssl.SSLContext tls(DeviceKeystore keystore, Path certificate, Path provisionedCa,
            List<String> policyCa) throws IOException {
        List<X509Certificate> chain = TrustAnchors.parse(Files.readString(certificate, StandardCharsets.US_ASCII));
        List<X509Certificate> anchors = policyCa.isEmpty()
                ? TrustAnchors.parse(Files.readString(provisionedCa, StandardCharsets.US_ASCII))
                : TrustAnchors.parse(String.join("\n", policyCa));
        try {
            return TrustAnchors.context(keystore.tlsKeyManager(chain), anchors);
        } catch (KeystoreException e) {
            throw new IOException("the device identity cannot authenticate TLS: " + e.getMessage(), e);
        }
    }

    private static TrustRoot provisionedRoot(Path file, CryptoProvider provider) throws IOException {
        byte[] envelope = Files.readAllBytes(file);
        RotationVerdict verdict = new RootRotation(provider).verifyProvisioned(envelope, MAX_ROOT_BYTES);
        if (verdict instanceof RotationVerdict.Rotated rotated) {
            return rotated.root();
        }
        throw new IOException("the trust root " + file + " does not verify: " + ((RotationVerdict.Rejected) verdict).reason());
    }

    private static java.util.OptionalLong runningRelease(String property) {
        try {
            return property == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(property));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private static String required(Function<String, String> properties, String name) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the framework property " + name + " is not set");
        }
        return value;
    }
}
