package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditException;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditLog;
import org.redoubt.channel.FleetChannel;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.keystore.DeviceKeystore;

/**
 * The handset's {@link AuditLog} (PID {@value #PID}), in {@code <redoubt.data.dir>/audit}: the
 * chain {@code log}, the latest signed {@code checkpoint}, and {@code shipped}, how far the fleet
 * has it. Each entry's hash is the active suite's; checkpoints are signed by the device key. At
 * activation it appends a {@code BOOT} entry (details {@code release} and {@code profile} from the
 * framework properties {@code redoubt.release} and {@code redoubt.profile} when set) once per
 * framework launch; it registers the firewall's {@code RuleViolationListener} when the launcher
 * exports that API; while the policy agent's {@link FleetChannel} is there it ships the log to
 * {@code redoubt/v1/devices/<id>/audit}.
 *
 * <p>A line file, not the sealed embedded database DESIGN.md section 7 recommends for stores: the
 * log is written while the handset is locked (no PIN-derived key exists then), and its integrity
 * is the hash chain over the exact bytes it ships and the fleet re-checks; see README.md.
 */
@Component(service = AuditLog.class, immediate = true, configurationPid = AuditLogComponent.PID)
@Designate(ocd = AuditLogComponent.Config.class)
public final class AuditLogComponent implements AuditLog {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.audit";

    /** When checkpoints are written and how entries are shipped. */
    @ObjectClassDefinition(id = PID, name = "Redoubt audit log")
    public @interface Config {
        /** @return a checkpoint after this many unsigned entries */
        int checkpointEntries() default 64;

        /** @return a checkpoint at the latest this many seconds after an unsigned entry */
        int checkpointSeconds() default 10;

        /** @return the most entries in one MQTT publication */
        int shipEntries() default 64;

        /** @return about the most bytes in one MQTT publication */
        int shipBytes() default 32768;
    }

    private static final String FIREWALL_LISTENER = "org.redoubt.runtime.firewall.RuleViolationListener";

    private final Logger logger;
    private final Config config;
    private final Path directory;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService shipping;
    private final AuditJournal journal;
    private final ServiceRegistration<?> listener;
    private final ActiveSuite suite;
    private AuditShipper shipper;

    /**
     * @param context  the data directory, the framework launch and the firewall listener's registration
     * @param config   checkpoints and shipping
     * @param provider hashes
     * @param keystore signs checkpoints
     * @param suite    the hash of each entry (a new suite reactivates the component: no BOOT entry
     *                 then, the next entries use its hash)
     * @param logger   one line per problem
     * @throws IOException when the log cannot be opened or continued
     */
    @Activate
    public AuditLogComponent(BundleContext context, Config config, @Reference(name = "provider") CryptoProvider provider,
            @Reference(name = "keystore") DeviceKeystore keystore,
            @Reference(name = "suite") ActiveSuite suite,
            @Reference(name = "logger", service = LoggerFactory.class) Logger logger) throws IOException {
        this.logger = logger;
        this.config = config;
        this.suite = suite;
        this.directory = Path.of(String.valueOf(context.getProperty("redoubt.data.dir"))).resolve("audit");
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "audit checkpoints"));
        this.shipping = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "audit shipping"));
        Consumer<String> problems = line -> logger.warn(line);
        try {
            ChainFile file = ChainFile.open(directory.resolve(AuditJournal.LOG), provider);
            CheckpointSigner signer = new CheckpointSigner(keystore.deviceId(), keystore.identityKey().scheme().id(),
                    keystore::sign);
            this.journal = new AuditJournal(directory, file, Clock.systemUTC(), () -> this.suite.suite().hash(), signer,
                    config.checkpointEntries(), Duration.ofSeconds(config.checkpointSeconds()), timer, this::wakeShipper,
                    problems);
            recordBoot(context);
        } catch (IOException | AuditException | RuntimeException e) {
            timer.shutdownNow();
            shipping.shutdownNow();
            logger.error("audit log not available: {}", e.toString());
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        this.listener = registerFirewallListener(context);
    }

    /** @param channel the handset's broker session */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void setChannel(FleetChannel channel) {
        if (shipper != null) {
            shipper.close();
        }
        shipper = new AuditShipper(journal().file(), directory, channel, shipping, config.shipEntries(),
                config.shipBytes(), line -> logger.warn(line));
    }

    synchronized void unsetChannel(FleetChannel channel) {
        if (shipper != null) {
            shipper.close();
            shipper = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (listener != null) {
            try {
                listener.unregister();
            } catch (IllegalStateException e) {
                // Already gone with the bundle.
            }
        }
        synchronized (this) {
            if (shipper != null) {
                shipper.close();
                shipper = null;
            }
        }
        try {
            journal.close();
        } catch (IOException e) {
            logger.warn("audit log not closed cleanly: {}", e.toString());
        }
        timer.shutdownNow();
        shipping.shutdownNow();
    }

    @Override
    public AuditEntry append(AuditEvent event) throws AuditException {
        return journal.append(event);
    }

    @Override
    public List<AuditEntry> tail(int max) throws AuditException {
        return journal.tail(max);
    }

    private AuditJournal journal() {
        return journal;
    }

    private synchronized void wakeShipper() {
        if (shipper != null) {
            shipper.wake();
        }
    }

    /** A BOOT entry once per framework launch (not again when only this component restarts). */
    private void recordBoot(BundleContext context) throws IOException, AuditException {
        String launch = String.valueOf(context.getProperty("org.osgi.framework.uuid"));
        Path marker = directory.resolve("launch");
        Optional<String> recorded = Files.exists(marker)
                ? Optional.of(Files.readString(marker, StandardCharsets.US_ASCII).trim()) : Optional.empty();
        if (recorded.equals(Optional.of(launch))) {
            return;
        }
        AuditEvent boot = AuditEvent.of(AuditKind.BOOT);
        for (String property : new String[] {"release", "profile"}) {
            Object value = context.getProperty("redoubt." + property);
            if (value != null) {
                boot = boot.with(property, value.toString());
            }
        }
        journal.append(boot);
        Durability.replace(marker, (launch + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private ServiceRegistration<?> registerFirewallListener(BundleContext context) {
        try {
            return context.registerService(FIREWALL_LISTENER, new RuleViolationRecorder(this, line -> logger.warn(line)),
                    new Hashtable<>());
        } catch (NoClassDefFoundError | IllegalArgumentException e) {
            logger.warn("the launcher does not export the firewall API: rule violations are not recorded ({})", e.toString());
            return null;
        }
    }
}
