package org.redoubt.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditLog;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;

/**
 * The {@link HandsetLock} service over the vault, and the one enforcement point of the policy's
 * PIN fields (configuration PID {@value #PID}): every new PIN must meet the rules, an unlock with a
 * PIN the rules no longer admit requires a change, and the wrong PIN that reaches
 * {@code maxFailedForWipe} wipes the handset. A new configuration is taken without restarting the
 * service; it applies from the next PIN entered.
 */
@Component(service = HandsetLock.class, configurationPid = PinLock.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PinLock.Config.class)
public final class PinLock implements HandsetLock {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.store.lock";

    /** The PIN rules (policy {@code password.*}). */
    @ObjectClassDefinition(id = PID, name = "Redoubt PIN lock", description = "The handset PIN's rules and wipe.")
    public @interface Config {
        /** @return the shortest PIN, 4..16 (policy password.minLength) */
        @AttributeDefinition(min = "4", max = "16")
        int pinMinLength() default 4;

        /** @return what a PIN is made of (policy password.quality) */
        @AttributeDefinition(options = {@Option(value = "NUMERIC"), @Option(value = "NUMERIC_COMPLEX"),
            @Option(value = "ALPHANUMERIC")})
        String pinQuality() default "NUMERIC";

        /** @return wrong PINs in a row that wipe the handset, 0 = never (policy password.maxFailedForWipe) */
        @AttributeDefinition(min = "0")
        int maxFailedForWipe() default 0;
    }

    private final Vault vault;
    private final Logger logger;
    private volatile PinRules rules;
    private final AuditRecorder audit;
    /** Whether the last unlock was with a PIN the rules of that moment did not admit; not persisted. */
    private volatile boolean unlockedWithWeakPin;

    /**
     * @param vault  the sealed database
     * @param config the PIN rules
     * @param logger where configuration errors go (never a PIN)
     */
    @Activate
    public PinLock(@Reference Vault vault, Config config, @Reference(service = LoggerFactory.class) Logger logger) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.audit = new AuditRecorder(failure -> logger.error("audit: {}", failure));
        this.rules = rules(config);
    }

    /**
     * Without a policy: {@link PinRules#DEFAULT}.
     *
     * @param vault the sealed database
     */
    public PinLock(Vault vault) {
        this(vault, new AuditRecorder(failure -> { }));
    }

    /**
     * Without a policy: {@link PinRules#DEFAULT}.
     *
     * @param vault the sealed database
     * @param audit where unlocks and wipes are recorded
     */
    PinLock(Vault vault, AuditRecorder audit) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.logger = null;
        this.rules = PinRules.DEFAULT;
    }

    /** @param config the new PIN rules, from the next PIN entered on */
    @Modified
    void modified(Config config) {
        this.rules = rules(config);
    }

    /** @param rules the rules, for tests that do not go through a configuration */
    void rules(PinRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    private PinRules rules(Config config) {
        List<String> errors = new ArrayList<>();
        PinRules read = PinRules.of(config.pinMinLength(), config.pinQuality(), config.maxFailedForWipe(), errors::add);
        if (logger == null) {
            return read;
        }
        if (!errors.isEmpty()) {
            logger.error("configuration error in {}: {}", PID, String.join("; ", errors));
        }
        logger.info("PIN rules: at least {} characters, {}, wipe after {}", read.minLength(), read.quality(),
                read.maxFailedForWipe() == 0 ? "never" : read.maxFailedForWipe() + " wrong PINs");
        return read;
    }

    @Override
    public LockState state() {
        return vault.state();
    }

    @Override
    public void setPin(char[] pin) throws StoreException {
        vault.setPin(pin, rules);
        unlockedWithWeakPin = false;
    }

    /** @param log where unlocks and wipes are recorded */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuditLog(AuditLog log) {
        audit.bind(log);
    }

    /** @param log the audit log that went */
    void unbindAuditLog(AuditLog log) {
        audit.unbind(log);
    }

    @Override
    public void unlock(char[] pin) throws StoreException {
        PinRules now = rules;
        boolean admitted = now.admits(pin);
        try {
            vault.unlock(pin, now);
        } catch (StoreException e) {
            refused("unlock", e);
            throw e;
        }
        audit.record(AuditEvent.of(AuditKind.UNLOCK_SUCCEEDED));
        unlockedWithWeakPin = !admitted;
    }

    /** Records a PIN attempt that failed, and the wipe it may have caused; never the PIN. */
    private void refused(String operation, StoreException e) {
        audit.record(AuditEvent.refused(AuditKind.UNLOCK_FAILED, e.reason().name()).with("operation", operation)
                .with("failures", Integer.toString(safeFailedAttempts())));
        if (e.reason() == StoreException.Reason.WIPED) {
            audit.record(AuditEvent.of(AuditKind.WIPE).with("trigger", "maxFailedForWipe"));
        }
    }

    private int safeFailedAttempts() {
        try {
            return vault.failedAttempts();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void lock() {
        vault.lock();
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws StoreException {
        try {
            vault.changePin(oldPin, newPin, rules);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.WRONG_PIN || e.reason() == StoreException.Reason.WIPED) {
                refused("changePin", e);
            }
            throw e;
        }
        unlockedWithWeakPin = false;
    }

    @Override
    public boolean pinChangeRequired() {
        return state() != LockState.NO_PIN && (unlockedWithWeakPin || vault.pinChangeRequired());
    }

    @Override
    public void requirePinChange() throws StoreException {
        vault.requirePinChange();
    }

    @Override
    public int failedAttempts() {
        return vault.failedAttempts();
    }

    @Override
    public void wipe() throws StoreException {
        try {
            vault.wipe();
        } catch (StoreException e) {
            audit.record(AuditEvent.refused(AuditKind.WIPE, e.reason().name()).with("trigger", "request"));
            throw e;
        }
        audit.record(AuditEvent.of(AuditKind.WIPE).with("trigger", "request"));
        unlockedWithWeakPin = false;
    }
}
